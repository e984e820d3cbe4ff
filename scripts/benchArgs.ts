// What every benchmark script reads from its command line, how it summarizes repeated timings, and what it names as measured.

import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * What was measured: the commit checked out (and whether the tree held changes not committed), the machine's cores
 * and Node's version; printed first, so a figure copied out of a run names its code.
 */
export function measuredOn(): string {
  let commit = 'no git checkout';
  try {
    const git = (args: string[]): string =>
      execFileSync('git', args, {
        cwd: path.join(__dirname, '..'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    commit = git(['rev-parse', '--short', 'HEAD']);
    if (git(['status', '--porcelain', '--untracked-files=no']) !== '') commit += ' with changes not committed';
  } catch {
    // a copy without git: the figures name no commit
  }
  return `measured on ${commit}; ${availableParallelism()} cores; Node ${process.version}; ${new Date().toISOString()}`;
}
