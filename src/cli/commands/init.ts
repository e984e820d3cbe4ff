import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SCHEMAS_DIR } from '../../domain/paths';
import { inputError, throwIfErrors } from '../../errors/diagnostic';
import type { Lang } from '../../errors/message';
import { actualsTemplate } from '../../pipeline/actualsTemplate';
import { readSource } from '../../pipeline/files';
import { definitionsSchema } from '../../schema/definitions';
import { validateDocument } from '../../schema/validate';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';

/** `jixiao init <definitions.yaml> [-o actuals.yaml]`: the file a department fills. */
export async function initCommand(definitionsPath: string, options: { output?: string; force?: boolean }, io: Io, lang: Lang): Promise<number> {
  const doc = readSource(definitionsPath);
  const { value, diagnostics } = validateDocument(doc, definitionsSchema);
  throwIfErrors(diagnostics);
  if (!value) return EXIT.input;
  const output = options.output ?? definitionsPath.replace(/(\.indicators)?\.ya?ml$/, '.actuals.yaml');
  const text = actualsTemplate(value, definitionsPath, output, path.join(SCHEMAS_DIR, 'actuals.schema.json'));
  if (options.output === '-') {
    io.out(text);
    return EXIT.ok;
  }
  if (existsSync(output) && !options.force) throw inputError('OUTPUT_EXISTS', { path: output });
  writeFileAtomic(output, text);
  io.err(lang === 'en' ? `Wrote ${output}` : `已生成 ${output}`);
  return EXIT.ok;
}
