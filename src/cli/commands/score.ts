import { InputError, sortByLocation, type Diagnostic } from '../../errors/diagnostic';
import { diagnosticJson } from '../../errors/message';
import { text } from '../../errors/texts';
import { findForms, resultToJson, scoreFile, textReport } from '../../pipeline/forms';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paintDiagnostic } from '../style';

export interface ScoreOptions {
  json?: boolean;
  rules?: string;
}

type Scored = Awaited<ReturnType<typeof scoreFile>>['result'];

/**
 * `jixiao score <actuals.yaml | folder…>`: the table, totals and warnings; or the whole result as JSON. Of many
 * forms, one that cannot be read (a broken link, a YAML error) is reported at its place and the rest are scored.
 */
export async function scoreCommand(targets: string[], options: ScoreOptions, io: Io, mode: OutputMode): Promise<number> {
  const files = findForms(targets, { workbooks: true });
  const results: Scored[] = [];
  const failed: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    try {
      results.push((await scoreFile(file, options.rules ? { ruleSet: options.rules } : {})).result);
    } catch (error) {
      // one form alone keeps the plain answer of a bad input (exit 1, its errors)
      if (!(error instanceof InputError) || files.length === 1) throw error;
      failed.push({ file, diagnostics: error.diagnostics });
    }
  }
  if (options.json) {
    const json: unknown[] = results.map((r) => resultToJson(r, mode.lang));
    for (const f of failed) json.push({ ok: false, file: f.file, errors: sortByLocation(f.diagnostics).map((d) => diagnosticJson(d, mode.lang)) });
    io.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else {
    if (results.length > 0) io.out(results.map((r) => textReport(r, { lang: mode.lang, columns: io.columns, paint: (s, severity) => paintDiagnostic(s, severity, io.colour) })).join('\n\n'));
    for (const f of failed) printDiagnostics(io, mode, f.diagnostics);
    if (failed.length > 0) io.err(text('cli.formsFailed', mode.lang, { failed: failed.length, total: files.length }));
  }
  if (failed.length > 0) return EXIT.input;
  // a draft scored fine but is not finished: its own exit code, so scripts can tell
  return results.some((r) => r.status === 'draft') ? EXIT.draft : EXIT.ok;
}
