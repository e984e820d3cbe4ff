import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JIXIAO_VERSION } from '../domain/version';

// What "another version" means to the form cache: jixiao's version number, and the code itself. A build from a
// checkout between two releases scores differently under the same number; an entry it wrote must not be read by
// the next build as its own. Hashing the running code (a few megabytes, ~15 ms once per thread) makes any change
// to it a new version.

/** The folder of the running code: src under the TypeScript loaders (tests, benchmarks), dist when built. */
const CODE_ROOT = path.resolve(__dirname, '..');

let fingerprint: string | undefined;

/** The running code's files, in a fixed order, by their path inside the code folder (two clones agree). */
function codeFiles(dir: string, out: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) codeFiles(file, out);
    else if (/\.(js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(file);
  }
  return out;
}

/** A hash of a code folder's files (scripts, type-checked sources, JSON) by their paths inside it and their bytes. */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  for (const file of codeFiles(root)) {
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** jixiao's version and a hash of the code that runs: what a cache entry must have been written by. */
export function codeVersion(): string {
  fingerprint ??= fingerprintOf(CODE_ROOT);
  return `${JIXIAO_VERSION}+${fingerprint}`;
}
