import { SingleBar, Presets } from 'cli-progress';
import { inputError } from '../../errors/diagnostic';
import type { Lang } from '../../errors/message';
import { compareCsv, compareHtml, compareRuleSets, compareText } from '../../pipeline';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';

export interface CompareCommandOptions {
  rules: string[];
  json?: boolean;
  csv?: string;
  html?: string;
  reference?: boolean;
  workers?: string;
}

/** `jixiao compare --rules A --rules B <forms or folders…>`: every form re-scored under both rule sets. */
export async function compareCommand(targets: string[], options: CompareCommandOptions, io: Io, lang: Lang): Promise<number> {
  if (options.rules.length !== 2) throw inputError('USAGE', { detail: `须给出两个 --rules（实际 ${options.rules.length} 个）` });
  const workers = options.workers === undefined ? undefined : Number(options.workers);
  if (workers !== undefined && !(workers >= 1)) throw inputError('USAGE', { detail: '--workers 应为正整数' });
  const bar = io.interactive ? new SingleBar({ format: '比较 {bar} {value}/{total} 张表 {eta_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  let started = false;
  const run = await compareRuleSets(targets, {
    rulesA: options.rules[0]!,
    rulesB: options.rules[1]!,
    ...(options.reference ? { reference: true } : {}),
    ...(workers !== undefined ? { workers } : {}),
    onProgress: (done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  bar?.stop();
  const info = { rulesA: run.rulesA, rulesB: run.rulesB, engine: run.engine, seconds: run.seconds };
  if (options.csv) writeFileAtomic(options.csv, compareCsv(run.forms));
  if (options.html) writeFileAtomic(options.html, compareHtml(info, run.forms, run.summary));
  if (options.json) io.out(JSON.stringify({ rulesA: run.rulesA, rulesB: run.rulesB, engine: run.engine, seconds: run.seconds, summary: run.summary, forms: run.forms }, null, 2));
  else io.out(compareText(info, run.forms, run.summary));
  for (const [flag, file] of [['--csv', options.csv], ['--html', options.html]] as const) {
    if (file) io.err(lang === 'en' ? `Wrote ${file} (${flag})` : `已生成 ${file}`);
  }
  return run.summary.compared === 0 && run.forms.length > 0 ? EXIT.input : EXIT.ok;
}
