import { Presets, SingleBar } from 'cli-progress';
import type { Lang } from '../errors/lang';
import { text } from '../errors/texts';

/** The terminal's progress bar over the forms of a run (nothing when piped or with --json). */
export function progressBar(
  shown: boolean,
  format: 'cli.compareProgress' | 'review.progress',
  lang: Lang,
): { update(done: number, total: number): void; stop(): void } {
  if (!shown) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: text(format, lang, {
        bar: '{bar}',
        value: '{value}',
        total: '{total}',
        eta_formatted: '{eta_formatted}',
      }),
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
