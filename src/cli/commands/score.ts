import type { Lang } from '../../errors/message';
import { resultToJson, scoreFile, textReport } from '../../pipeline';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

export interface ScoreOptions {
  json?: boolean;
  rules?: string;
}

/** `jixiao score <actuals.yaml…>`: the table, totals and warnings; or the whole result as JSON. */
export async function scoreCommand(files: string[], options: ScoreOptions, io: Io, lang: Lang): Promise<number> {
  const results = [];
  for (const file of files) {
    const { result } = await scoreFile(file, options.rules ? { ruleSet: options.rules } : {});
    results.push(result);
  }
  if (options.json) {
    const json = results.map((r) => resultToJson(r, lang));
    io.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else {
    io.out(results.map((r) => textReport(r, lang)).join('\n\n'));
  }
  return EXIT.ok;
}
