import { InputError, inputError, sortByLocation, type Diagnostic } from '../../errors/diagnostic';
import { diagnosticJson } from '../../errors/message';
import { text } from '../../errors/texts';
import { findForms, resultToJson, scoreActualsBytes, scoreFile, STDIN_LIMIT, textReport } from '../../pipeline/forms';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paintDiagnostic } from '../style';

export interface ScoreOptions {
  json?: boolean;
  rules?: string;
}

type Scored = Awaited<ReturnType<typeof scoreFile>>['result'];

/** The actuals on standard input, scored as `stdin.actuals.yaml` in the current folder and named `-` in messages. */
async function fromStdin(io: Io, options: { ruleSet?: string }): Promise<Awaited<ReturnType<typeof scoreFile>>> {
  if (!io.stdin) throw inputError('FILE_NOT_FOUND', { path: '-' });
  return scoreActualsBytes(await io.stdin(STDIN_LIMIT), 'stdin.actuals.yaml', '-', options);
}

/**
 * `jixiao score <actuals.yaml | folder…>`: the table, totals and warnings; or the whole result as JSON. Of many
 * forms, one that cannot be read (a broken link, a YAML error) is reported at its place and the rest are scored.
 */
export async function scoreCommand(
  targets: string[],
  options: ScoreOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  // `-` is the actuals text on standard input, read as a file in the current folder (its definitions resolve there)
  const files = targets.flatMap((t) => (t === '-' ? ['-'] : findForms([t], { workbooks: true })));
  const results: Scored[] = [];
  const failed: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    try {
      const load = options.rules ? { ruleSet: options.rules } : {};
      results.push((file === '-' ? await fromStdin(io, load) : await scoreFile(file, load)).result);
    } catch (error) {
      // one form alone keeps the plain answer of a bad input (exit 1, its errors)
      if (!(error instanceof InputError) || files.length === 1) throw error;
      failed.push({ file, diagnostics: error.diagnostics });
    }
  }
  if (options.json) {
    const json: unknown[] = results.map((r) => resultToJson(r, mode.lang));
    for (const f of failed)
      json.push({
        ok: false,
        file: f.file,
        errors: sortByLocation(f.diagnostics).map((d) => diagnosticJson(d, mode.lang)),
      });
    io.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else {
    if (results.length > 0)
      io.out(
        results
          .map((r) =>
            textReport(r, {
              lang: mode.lang,
              columns: io.columns,
              paint: (s, severity) => paintDiagnostic(s, severity, io.colour),
            }),
          )
          .join('\n\n'),
      );
    for (const f of failed) printDiagnostics(io, mode, f.diagnostics);
    if (failed.length > 0) io.err(text('cli.formsFailed', mode.lang, { failed: failed.length, total: files.length }));
  }
  if (failed.length > 0) return EXIT.input;
  // a draft scored fine but is not finished: its own exit code, so scripts can tell
  return results.some((r) => r.status === 'draft') ? EXIT.draft : EXIT.ok;
}
