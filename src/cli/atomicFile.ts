import {
  chmodSync,
  closeSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { processRunning } from '../domain/processes';

/** What an output file holds: its text or bytes, or its text in chunks (a year's review.json is never one string). */
export type OutputData = string | Uint8Array | Iterable<string>;

export const isWhole = (data: OutputData): data is string | Uint8Array =>
  typeof data === 'string' || data instanceof Uint8Array;

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed over the target.
 * A failure leaves no half-written output behind. The folder must exist (a missing one is the caller's error).
 * A file that was there keeps its permissions (a 0600 key stays 0600); temporaries of this same target left by a
 * process killed mid-write are removed first.
 */
export function writeFileAtomic(target: string, data: OutputData): void {
  const folder = path.dirname(path.resolve(target));
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  removeAbandonedTemporariesOf(folder, path.basename(target));
  const mode = modeOf(target);
  try {
    if (isWhole(data)) writeFileSync(temporary, data, { flag: 'wx', ...(mode !== null ? { mode } : {}) });
    else writeChunks(temporary, data, mode);
    // the umask may have narrowed the mode given at creation: set it whole
    if (mode !== null) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw error;
  }
}

/** The permission bits of a regular file that is there, or null. */
function modeOf(target: string): number | null {
  try {
    const stats = statSync(target);
    return stats.isFile() ? stats.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

/** The temporary names writeFileAtomic uses: .<name>.<pid>.<8 hex>.tmp */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * The temporaries found in each folder whose writer no longer runs, by the file they were for. A folder is listed
 * once per process: listing it before every write made a batch of n forms into one folder read n²/2 names (a year of
 * 100,000 PDFs, five billion). One left by a process killed after the listing is removed by the next run.
 */
const abandonedByFolder = new Map<string, Map<string, string[]>>();

function abandonedIn(folder: string): Map<string, string[]> {
  const known = abandonedByFolder.get(folder);
  if (known) return known;
  const found = new Map<string, string[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync(folder);
  } catch {
    // a folder that cannot be listed has nothing to remove; the write itself says what is wrong
  }
  for (const entry of entries) {
    const temporary = TEMPORARY.exec(entry);
    if (!temporary?.[1] || !temporary[2] || processRunning(Number(temporary[2]))) continue;
    found.set(temporary[1], [...(found.get(temporary[1]) ?? []), entry]);
  }
  abandonedByFolder.set(folder, found);
  return found;
}

/** Temporaries of one target (.<name>.<pid>.<hex>.tmp) whose writer no longer runs: a kill at the rename left them. */
function removeAbandonedTemporariesOf(folder: string, name: string): void {
  const abandoned = abandonedIn(folder);
  for (const entry of abandoned.get(name) ?? []) {
    try {
      unlinkSync(path.join(folder, entry));
    } catch {
      // gone meanwhile
    }
  }
  abandoned.delete(name);
}

/**
 * A process killed in the middle of writeFileAtomic leaves its temporary file: removed here (in the folder and
 * below) when the process that wrote it is no longer running on this machine. Returns what was removed.
 */
export function removeAbandonedTemporaries(folder: string): string[] {
  const removed: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      const pid = TEMPORARY.exec(entry.name)?.[2];
      if (entry.isFile() && pid !== undefined && !processRunning(Number(pid))) {
        unlinkSync(full);
        removed.push(full);
      }
    }
  };
  walk(folder);
  return removed;
}

/** Chunks written one after another into a new file (its creation refused if anything is there). */
function writeChunks(file: string, chunks: Iterable<string>, mode: number | null): void {
  const fd = openSync(file, 'wx', mode ?? 0o666);
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
