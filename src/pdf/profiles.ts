import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { processRunning } from '../domain/processes';

/** The prefix of the temporary browser profiles jixiao makes (one per launch, removed at close). */
export const PROFILE_PREFIX = 'jixiao-chrome-';
const STALE_AFTER_MS = 60 * 60 * 1000;

/** The prefix of a profile made by this process: its pid in the name tells a later run whether it was abandoned. */
export function profilePrefix(pid = process.pid): string {
  return `${PROFILE_PREFIX}${pid}-`;
}

/** A profile is abandoned when the process named in it has gone; one named without a pid, when untouched for an hour. */
function abandoned(name: string, mtimeMs: number, now: number): boolean {
  const pid = /^jixiao-chrome-(\d+)-/.exec(name)?.[1];
  if (pid !== undefined) return !processRunning(Number(pid));
  return now - mtimeMs > STALE_AFTER_MS;
}

/**
 * A run killed with -9 cannot remove its browser profile: the next launch removes our own profiles (by prefix)
 * whose process has gone. A profile in use belongs to a running process, so it is never taken.
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
      if (stats.isDirectory() && abandoned(name, stats.mtimeMs, now)) {
        rmSync(dir, { recursive: true, force: true });
        removed.push(dir);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return removed;
}
