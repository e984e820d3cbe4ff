import { text } from '../../errors/texts';
import { compareCsv, compareCsvLine, compareHtml, compareRuleSets, compareText } from '../../pipeline';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { numberOption, usageError } from '../options';
import { progressBar } from '../progress';
import { cacheFolder, sayCache } from '../formCacheOption';

export interface CompareCommandOptions {
  rules: string[];
  json?: boolean;
  csv?: string;
  html?: string;
  reference?: boolean;
  workers?: string;
  /** A folder, or false with --no-cache; the default folder when not given. */
  cache?: string | false;
}

/** `jixiao compare --rules A --rules B <forms or folders…>`: every form re-scored under both rule sets. */
export async function compareCommand(
  targets: string[],
  options: CompareCommandOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const { lang } = mode;
  const [rulesA, rulesB, ...more] = options.rules;
  if (rulesA === undefined || rulesB === undefined || more.length > 0) {
    throw usageError(text('usage.twoRuleSets', lang, { count: options.rules.length }));
  }
  for (const target of [options.csv, options.html]) if (target !== undefined) writeOutput.check(target, 'generated');
  const workers = numberOption('--workers', options.workers, { min: 1, max: 64, integer: true }, lang);
  const progress = progressBar(io.interactive && !options.json, 'cli.compareProgress', lang);
  // the forms pass one by one: each leaves a CSV line and (with --json) its JSON, never the whole comparison
  const csvLines: string[] = [];
  const formsJson: string[] = [];
  const cacheDir = cacheFolder(options.cache);
  const run = await compareRuleSets(targets, {
    onForm: (form) => {
      if (options.csv) csvLines.push(compareCsvLine(form));
      if (options.json) formsJson.push(`    ${JSON.stringify(form)}`);
    },
    rulesA,
    rulesB,
    lang,
    ...(options.reference ? { reference: true } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    onProgress: progress.update,
  });
  progress.stop();
  const info = {
    differences: run.differences,
    rulesA: run.rulesA,
    rulesB: run.rulesB,
    engine: run.engine,
    seconds: run.seconds,
    ...(run.cache ? { cache: { dir: cacheDir, ...run.cache } } : {}),
  };
  if (options.csv) writeOutput(io, options.csv, compareCsv(csvLines), 'generated');
  if (options.html) writeOutput(io, options.html, compareHtml(info, run.digest, lang), 'generated');
  if (options.json) {
    // the forms are written as they came, one line each, under the head: never one string of the whole comparison
    const head = JSON.stringify({ ...info, summary: run.summary }, null, 2);
    io.out(`${head.slice(0, -2)},\n  "forms": [\n${formsJson.join(',\n')}\n  ]\n}`);
  } else io.out(compareText(info, run.digest, lang));
  for (const file of [options.csv, options.html])
    if (file && !options.json) io.err(text('cli.wrote', lang, { path: file }));
  if (run.cache && cacheDir !== undefined) {
    const { hits, misses, reused } = run.cache;
    sayCache(io, lang, cacheDir, run.cache, text('cli.compareCache', lang, { dir: cacheDir, hits, misses, reused }));
  }
  return run.summary.compared === 0 && run.digest.forms > 0 ? EXIT.input : EXIT.ok;
}
