import { existsSync } from 'node:fs';
import { inputError } from '../../errors/diagnostic';
import type { Lang } from '../../errors/message';
import { actualsTemplateFor } from '../../pipeline';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';

/** `jixiao init <definitions.yaml> [-o actuals.yaml]`: the file a department fills. */
export async function initCommand(definitionsPath: string, options: { output?: string; force?: boolean }, io: Io, lang: Lang): Promise<number> {
  const toStdout = options.output === '-';
  const output = options.output && !toStdout ? options.output : definitionsPath.replace(/(\.indicators)?\.ya?ml$/, '.actuals.yaml');
  const text = actualsTemplateFor(definitionsPath, output);
  if (toStdout) {
    io.out(text);
    return EXIT.ok;
  }
  if (existsSync(output) && !options.force) throw inputError('OUTPUT_EXISTS', { path: output });
  writeFileAtomic(output, text);
  io.err(lang === 'en' ? `Wrote ${output}` : `已生成 ${output}`);
  return EXIT.ok;
}
