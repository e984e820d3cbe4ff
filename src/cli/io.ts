import { renameSync, unlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inputError } from '../errors/diagnostic';

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
};

/**
 * The one overwrite policy of every command (README: 输出文件):
 * - `generated` outputs (PDF, HTML, CSV, reports) are made from inputs and are replaced when they exist;
 * - `protected` outputs (a clerk's actuals file from init, keys and certificates) are never replaced without --force.
 */
export type OutputKind = 'generated' | 'protected';

export function writeOutput(target: string, data: string | Uint8Array, kind: OutputKind, force = false): void {
  writeOutput.check(target, kind, force);
  writeFileAtomic(target, data);
}

/** The policy alone, to refuse before doing expensive work (or asking for a password). */
writeOutput.check = (target: string, kind: OutputKind, force = false): void => {
  if (kind === 'protected' && !force && existsSync(target)) throw inputError('OUTPUT_EXISTS', { path: target });
};

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed over the target.
 * A failure leaves no half-written output behind.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temporary = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data);
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
