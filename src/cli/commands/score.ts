import { findForms, resultToJson, scoreFile, textReport } from '../../pipeline/forms';
import { EXIT, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paintDiagnostic } from '../style';

export interface ScoreOptions {
  json?: boolean;
  rules?: string;
}

/** `jixiao score <actuals.yaml | folder…>`: the table, totals and warnings; or the whole result as JSON. */
export async function scoreCommand(targets: string[], options: ScoreOptions, io: Io, mode: OutputMode): Promise<number> {
  const results = [];
  for (const file of findForms(targets, { workbooks: true })) {
    const { result } = await scoreFile(file, options.rules ? { ruleSet: options.rules } : {});
    results.push(result);
  }
  if (options.json) {
    const json = results.map((r) => resultToJson(r, mode.lang));
    io.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else {
    io.out(results.map((r) => textReport(r, { lang: mode.lang, columns: io.columns, paint: (s, severity) => paintDiagnostic(s, severity, io.colour) })).join('\n\n'));
  }
  // a draft scored fine but is not finished: its own exit code, so scripts can tell
  return results.some((r) => r.status === 'draft') ? EXIT.draft : EXIT.ok;
}
