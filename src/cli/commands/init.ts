import { text } from '../../errors/texts';
import { actualsTemplateFor } from '../../pipeline/forms';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';

/** `jixiao init <definitions.yaml> [-o actuals.yaml | -]`: the file a department fills; never replaces one without --force. */
export async function initCommand(
  definitionsPath: string,
  options: { output?: string; force?: boolean; json?: boolean },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const toStdout = options.output === '-';
  const output =
    options.output !== undefined && !toStdout
      ? options.output
      : definitionsPath.replace(/(\.indicators)?\.ya?ml$/, '.actuals.yaml');
  const yaml = actualsTemplateFor(definitionsPath, output);
  if (toStdout) {
    io.out(yaml);
    return EXIT.ok;
  }
  writeOutput(io, output, yaml, 'protected', options.force === true);
  if (options.json) io.out(JSON.stringify({ ok: true, output }, null, 2));
  else io.err(text('cli.wrote', mode.lang, { path: output }));
  return EXIT.ok;
}
