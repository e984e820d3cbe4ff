import type { Lang } from '../errors/lang';
import { text, textOfRef } from '../errors/texts';
import { defaultCacheDir, type CacheCounts } from '../pipeline/forms';
import { cause, type Io } from './io';

// compare, review and batch share one form cache folder, chosen and reported the same way.

/** The folder a command caches forms in: the one given with --cache, none with --no-cache, else the user's default. */
export function cacheFolder(option: string | false | undefined): string | undefined {
  return option === false ? undefined : (option ?? defaultCacheDir());
}

/**
 * What the cache did, on the error stream (the results are the same either way): `said` when it could be written,
 * else a warning with the reason it could not.
 */
export function sayCache(io: Io, lang: Lang, dir: string, counts: CacheCounts, said: string): void {
  if (counts.unwritable === null) return io.err(said);
  // no target: ENOENT here is the folder removed while the run wrote to it, not a system folder refusing files
  const detail = textOfRef(cause({ code: counts.unwritable }), lang);
  io.err(text('cli.cacheUnwritable', lang, { dir, detail }));
}
