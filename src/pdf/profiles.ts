import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The prefix of the temporary browser profiles jixiao makes (one per launch, removed at close). */
export const PROFILE_PREFIX = 'jixiao-chrome-';
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * A run killed with -9 cannot remove its browser profile: the next launch removes our own profiles (by prefix)
 * that nobody has touched for an hour. A profile in use is touched all the time, so it is never taken.
 */
export function removeStaleProfiles(now = Date.now(), folder = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = path.join(folder, name);
    try {
      const stats = statSync(dir);
      if (stats.isDirectory() && now - stats.mtimeMs > STALE_AFTER_MS) {
        rmSync(dir, { recursive: true, force: true });
        removed.push(dir);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return removed;
}
