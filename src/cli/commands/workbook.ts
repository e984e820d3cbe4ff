import { text } from '../../errors/texts';
import { exportWorkbookFile, workbookActuals } from '../../pipeline';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';

/** `jixiao export <definitions.yaml | actuals.yaml> -o form.xlsx`: the 自评表 workbook to fill in Excel or WPS. */
export async function exportCommand(
  input: string,
  options: { output?: string; rules?: string; json?: boolean },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const output = options.output ?? input.replace(/(\.indicators|\.actuals)?\.ya?ml$/, '.xlsx');
  writeOutput.check(output, 'generated');
  const { workbook, scored } = await exportWorkbookFile(input, output, options.rules ? { ruleSet: options.rules } : {});
  writeOutput(io, output, workbook, 'generated');
  if (options.json) io.out(JSON.stringify({ ok: true, output, scores: scored }, null, 2));
  else if (output !== '-') io.err(text('cli.wrote', mode.lang, { path: output }));
  return EXIT.ok;
}

/**
 * `jixiao import form.xlsx [-o form.actuals.yaml] [--force]`: the filled cells back into the actuals file —
 * merged into it when it exists (comments and order kept), else a new file like `init` makes.
 */
export async function importCommand(
  xlsx: string,
  options: { output?: string; force?: boolean; json?: boolean },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const output = options.output ?? xlsx.replace(/\.xlsx$/i, '.actuals.yaml');
  writeOutput.check(output, 'generated');
  const read = await workbookActuals(xlsx, { output, ...(options.force ? { force: true } : {}) });
  const writesDefinitions = read.carried !== undefined && output !== '-';
  if (writesDefinitions) writeOutput.check(read.definitionsPath, 'protected');
  writeOutput(io, output, read.text, 'generated');
  // a workbook e-mailed alone: the definitions it carries are written where the actuals file names them
  if (read.carried && writesDefinitions) {
    writeOutput(io, read.definitionsPath, read.carried.text, 'protected');
    if (!options.json) io.err(text('cli.wroteCarriedDefinitions', mode.lang, { path: read.definitionsPath }));
  }
  const notes = read.doc.diagnostics.filter((d) => d.severity !== 'error');
  if (options.json)
    io.out(
      JSON.stringify(
        {
          ok: true,
          output,
          updated: read.updated,
          ...(read.carried ? { definitions: read.definitionsPath } : {}),
          notes: notes.map((d) => d.code),
        },
        null,
        2,
      ),
    );
  else {
    printDiagnostics(io, mode, notes);
    if (output !== '-') io.err(text('cli.wrote', mode.lang, { path: output }));
  }
  return EXIT.ok;
}
