import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { RuleSet } from '../rules/ruleSet';
import type { FormInput } from '../scoring/formInput';
import { CachedForm, type CacheStore } from './cachedForm';
import { codeVersion } from './codeFingerprint';
import { readInput, sha256 } from './files';
import { PackReader, PackWriter, removePacks } from './cachePacks';

/** Bumped when what an entry holds changes shape, so an older layout is never read as the new one. */
const LAYOUT = 6;

/** The folder the CLI caches forms in unless told otherwise: $JIXIAO_CACHE, else the user's cache folder. */
export function defaultCacheDir(): string {
  const own = process.env['JIXIAO_CACHE'];
  if (own) return own;
  const base = process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache');
  return path.join(base, 'jixiao');
}

/** What loading reads of a rule set: its framework, the id its messages name, and whose weights count. */
function loadingFingerprint(ruleSet: RuleSet | null): string {
  // each form against the rule set its definitions name: the definitions' hash (checked on every read) covers the name
  if (ruleSet === null) return 'own rule set';
  const { id, framework, parameters } = ruleSet.file;
  return sha256(JSON.stringify({ id, framework, weights: parameters.weights ?? null }));
}

export interface CacheCounts {
  /** Forms read back from the cache. */
  hits: number;
  /** Forms read from their files (new, changed, or an entry that could not be used). */
  misses: number;
  /** Values derived from a form (its score under a rule set) read back instead of computed again. */
  reused: number;
  /** The first reason an entry could not be written (a read-only folder, a full disk): the run goes on without. */
  unwritable: string | null;
}

/** Counts of several caches (one per worker thread) added up: into `total`, or a new one. */
export function addCounts(total: CacheCounts | null, more: CacheCounts | null): CacheCounts | null {
  if (!more) return total;
  const sum = total ?? { hits: 0, misses: 0, reused: 0, unwritable: null };
  sum.hits += more.hits;
  sum.misses += more.misses;
  sum.reused += more.reused;
  sum.unwritable ??= more.unwritable;
  return sum;
}

/**
 * Loaded forms kept by the content of their files, and values derived from them (cachedForm.ts). An entry is found
 * by the hash of the actuals file's bytes, its path, the version of jixiao's code and what loading reads of the
 * rule set; it names the definitions file it was read with and that file's hash, which must still match. Entries
 * live in pack files (cachePacks.ts), each written whole by one run and renamed when done, so two runs at once
 * never see each other's half-written work. Anything unreadable (a truncated or foreign pack, a bad checksum) is a
 * miss: the form is read from its files and cached again. The folder may be deleted at any time. `close()` writes
 * the run's pack.
 */
export class FormCache {
  private readonly folder: string;
  private readonly fingerprint: string;
  private packs: PackReader | undefined;
  private writer: PackWriter | undefined;
  private opened = 0;
  private misses = 0;
  private reused = 0;
  private unwritable: string | null = null;
  private readonly store: CacheStore;

  /** `ruleSet`: the one every form is loaded against (compare's A), or null for each form's own (review). */
  constructor(
    dir: string,
    ruleSet: RuleSet | null,
    private readonly version = codeVersion(),
  ) {
    this.folder = path.join(dir, `forms-${LAYOUT}`);
    this.fingerprint = loadingFingerprint(ruleSet);
    this.store = {
      ruleSet,
      read: (key) => (this.packs ??= new PackReader(this.folder)).read(key, this.version),
      write: (key, payload) => this.write(key, payload),
      // a crowded folder is compacted: what this run uses goes into its own pack, and the old packs go
      used: (key, payload) => {
        if (this.packs?.crowded) this.write(key, payload);
      },
      carry: (key) => {
        const payload = this.packs?.crowded ? this.packs.read(key, this.version) : null;
        if (payload) this.write(key, payload);
      },
      missed: () => this.misses++,
      reused: () => this.reused++,
    };
  }

  /** The form's files as they are now (its actuals read and keyed), and what the cache holds of them. Throws as readInput does. */
  open(actualsPath: string): CachedForm {
    const bytes = readInput(actualsPath, 'yaml');
    this.opened++;
    return new CachedForm(this.store, actualsPath, bytes, this.keyOf(actualsPath, bytes));
  }

  /** The form's input, from the cache when its files are unchanged; else loaded (every check) and cached. Throws as loadForm does. */
  load(actualsPath: string): FormInput {
    return this.open(actualsPath).input();
  }

  /** Forms read back (not from their files), forms read from their files, derived values read back. */
  get counts(): CacheCounts {
    return { hits: this.opened - this.misses, misses: this.misses, reused: this.reused, unwritable: this.unwritable };
  }

  /** Writes this run's pack (and, when the folder was crowded, removes the packs it replaces). */
  close(): void {
    const replaced = this.packs?.crowded ? this.packs.packs : [];
    this.packs?.close();
    this.packs = undefined;
    try {
      const wrote = this.writer?.finish() ?? false;
      if (wrote && this.unwritable === null) removePacks(replaced);
    } catch (error) {
      this.refused(error);
    }
    this.writer = undefined;
  }

  private keyOf(actualsPath: string, bytes: Buffer): string {
    return createHash('sha256')
      .update(`${LAYOUT}\n${this.version}\n${this.fingerprint}\n${actualsPath}\n${path.resolve(actualsPath)}\n`)
      .update(bytes)
      .digest('hex');
  }

  private write(key: string, payload: Buffer): void {
    if (this.unwritable !== null) return;
    try {
      this.writer ??= new PackWriter(this.folder);
      if (this.writer.add(key, payload, this.version)) return;
      // a full pack (4 GB) is closed and another begun
      this.writer.finish();
      this.writer = new PackWriter(this.folder);
      this.writer.add(key, payload, this.version);
    } catch (error) {
      this.refused(error);
    }
  }

  /** A folder that cannot be written: the run goes on without caching, and says why once. */
  private refused(error: unknown): void {
    this.writer?.abandon();
    this.writer = undefined;
    // the system's code (ENOTDIR, EACCES…), which the command turns into words; a message when there is none
    this.unwritable ??= (error as NodeJS.ErrnoException).code ?? String((error as Error).message);
  }
}
