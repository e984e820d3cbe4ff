import { processRunning } from '../domain/processes';
import { existsSync, linkSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { inputError } from '../errors/diagnostic';
import { textRef, type TextRef } from '../errors/texts';
import { isWhole, writeFileAtomic, type OutputData } from './atomicFile';

export { removeAbandonedTemporaries, writeFileAtomic, type OutputData } from './atomicFile';

/** Where the CLI writes: the only writer to stdout and stderr (tests pass their own). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (progress bars). */
  interactive: boolean;
  /** Colour on: stderr/stdout is a terminal and NO_COLOR is not set. */
  colour: boolean;
  /** Terminal width in columns (tables switch to a narrow layout below 100). */
  columns: number;
  /** Raw bytes to stdout, for `-o -` (a PDF piped on). */
  bytes(data: string | Uint8Array): void;
  /** All of standard input, for `score -` (at most `limit` bytes: a larger input is refused, not read on). */
  stdin?(limit: number): Promise<Buffer>;
}

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/**
 * stdout closed early (`jixiao verify x.pdf | head -1`) is not an error: stop quietly, exit 0, no stack trace.
 * Installed by the executable only (not when tests call main()).
 */
export function quietOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

export const processIo: Io = {
  out: (text) => process.stdout.write(withNewline(text)),
  err: (text) => process.stderr.write(withNewline(text)),
  interactive: process.stdout.isTTY === true,
  colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
  columns: process.stdout.isTTY === true ? (process.stdout.columns ?? 120) : 120,
  bytes: (data) => process.stdout.write(data),
  stdin: (limit) =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      process.stdin.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          process.stdin.destroy();
          reject(inputError('FILE_TOO_LARGE', { path: '-', size, limit }));
        } else chunks.push(chunk);
      });
      process.stdin.once('end', () => resolve(Buffer.concat(chunks)));
      process.stdin.once('error', reject);
    }),
};

/**
 * The one overwrite policy of every command (README: 命令行约定):
 * - `generated` outputs (PDF, HTML, CSV, reports) are made from inputs and are replaced when they exist;
 * - `protected` outputs (a clerk's actuals file from init, keys and certificates) are never replaced without --force.
 */
export type OutputKind = 'generated' | 'protected';

/** Why an output cannot be written, from the system's error code, in both languages. */
const KNOWN_CAUSES = ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOSPC', 'EEXIST'] as const;

/**
 * Why writing `target` failed, in the catalog's words. ENOENT with the folder there means the folder takes no new
 * file (/proc, /sys), not that it is missing.
 */
export function cause(error: unknown, target?: string): TextRef {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' && target !== undefined && existsSync(path.dirname(path.resolve(target))))
    return textRef('output.cause.cannotCreate');
  const known = KNOWN_CAUSES.find((c) => c === code);
  return known ? textRef(`output.cause.${known}`) : textRef('output.cause.other', { code: code || String(error) });
}

/** Where an output goes: a regular file (written atomically), a character device (written through), or refused. */
function outputTarget(target: string): { kind: 'file'; path: string } | { kind: 'device'; path: string } {
  if (target === '') throw inputError('OUTPUT_INVALID', { path: '""', cause: textRef('output.cause.empty') });
  let stats;
  try {
    stats = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'file', path: target };
    throw inputError('OUTPUT_INVALID', { path: target, cause: cause(error, target) });
  }
  // a symbolic link is followed: the file it names is replaced, the link stays a link
  const real = realpathSync(target);
  if (stats.isFile()) return { kind: 'file', path: real };
  if (stats.isCharacterDevice()) return { kind: 'device', path: real };
  if (stats.isDirectory()) throw inputError('OUTPUT_INVALID', { path: target, cause: cause({ code: 'EISDIR' }) });
  throw inputError('OUTPUT_INVALID', { path: target, cause: textRef('output.cause.special') });
}

export function writeOutput(io: Io, target: string, data: OutputData, kind: OutputKind, force = false): void {
  if (target === '-') {
    if (isWhole(data)) io.bytes(data);
    else for (const chunk of data) io.bytes(chunk);
    return;
  }
  writeOutput.check(target, kind, force);
  const where = outputTarget(target);
  if (where.kind === 'device') {
    // /dev/null and its kin are written through, never renamed over (which would replace the device with a file)
    try {
      writeFileSync(where.path, isWhole(data) ? data : [...data].join(''), { flag: 'w' });
    } catch (error) {
      throw inputError('OUTPUT_INVALID', { path: target, cause: cause(error, target) });
    }
    return;
  }
  try {
    writeFileAtomic(where.path, data);
  } catch (error) {
    throw inputError('OUTPUT_INVALID', { path: target, cause: cause(error, target) });
  }
}

/** The policy alone, to refuse before doing expensive work (or asking for a password). */
writeOutput.check = (target: string, kind: OutputKind, force = false): void => {
  if (target === '-') return;
  if (target === '') throw inputError('OUTPUT_INVALID', { path: '""', cause: textRef('output.cause.empty') });
  if (kind === 'protected' && !force && existsSync(target) && statSync(target).isFile())
    throw inputError('OUTPUT_EXISTS', { path: target });
  outputTarget(target);
};

const sha256Of = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Updates a file in place — read, change, write back — so that two processes doing it at once never lose
 * each other's change (two signers on one form): a lock file beside it for the whole update (a lock left by a
 * process that no longer runs is taken over), and a compare-and-swap on the file's hash before the rename,
 * for updates the lock cannot see (another machine on shared storage).
 */
export async function updateInPlace<T extends { data: Uint8Array; readSha256: string }>(
  io: Io,
  target: string,
  update: () => Promise<T>,
): Promise<T> {
  const lock = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.jixiao-lock`);
  // the lock appears with its holder already written in it (a file of our own, hard-linked to the lock's name):
  // a lock created first and written after could be read empty by the other signer, taken for a dead one's and
  // removed while held — and both signers then wrote, the second over the first (seen in CI)
  const take = (): boolean => {
    const mine = `${lock}.${process.pid}`;
    try {
      writeFileSync(mine, String(process.pid));
      linkSync(mine, lock);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw inputError('OUTPUT_INVALID', { path: target, cause: cause(error, target) });
      return false;
    } finally {
      try {
        unlinkSync(mine);
      } catch {
        // not made
      }
    }
  };
  /** Who holds the lock, or null when it went away meanwhile. */
  const holder = (): string | null => {
    try {
      return readFileSync(lock, 'utf8').trim();
    } catch {
      return null;
    }
  };
  if (!take()) {
    const pid = holder();
    if (pid !== null) {
      const held = Number(pid);
      if (Number.isInteger(held) && held > 0 && processRunning(held))
        throw inputError('OUTPUT_LOCKED', { path: target, pid: held });
      // left by a process that no longer runs: taken over
      try {
        unlinkSync(lock);
      } catch {
        // another signer took it over first: the take below says so
      }
    }
    if (!take()) throw inputError('OUTPUT_LOCKED', { path: target, pid: holder() ?? '?' });
  }
  try {
    const updated = await update();
    // the last moment before the rename: the file must still be what was read
    if (sha256Of(readFileSync(target)) !== updated.readSha256) throw inputError('OUTPUT_CHANGED', { path: target });
    writeOutput(io, target, updated.data, 'generated');
    return updated;
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}

/** The same file, however it is named (./a.pdf, a symlink to it). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return a !== '-' && real(a) === real(b);
}

/**
 * A new revision of the PDF `input` (a signature, validation data) written to `output`: in place under the update
 * lock, so two at once never lose each other's revision; elsewhere as any generated output.
 */
export async function writeRevision<T extends { pdf: Uint8Array; readSha256: string }>(
  io: Io,
  input: string,
  output: string,
  make: () => Promise<T>,
): Promise<T> {
  if (sameFile(output, input))
    return updateInPlace(io, output, async () => {
      const made = await make();
      return { ...made, data: made.pdf };
    });
  const made = await make();
  writeOutput(io, output, made.pdf, 'generated');
  return made;
}
