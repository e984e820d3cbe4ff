import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { JIXIAO_VERSION } from '../domain/version';
import type { RuleSet } from '../rules/ruleSet';
import type { FormInput } from '../scoring/formInput';
import { parsedRows, rememberParsedRows } from '../scoring/parsedRows';
import { placesInText } from '../source/yamlSource';
import type { Place } from '../source/quickYaml';
import { decodeText, readInput, sha256, sourceFromBytes } from './files';
import { loadFormFromDocument } from './loadForm';
import { packForm, unpackForm } from './storedForm';
import { PackReader, PackWriter, removePacks } from './cachePacks';

/** Bumped when what an entry holds changes shape, so an older layout is never read as the new one. */
const LAYOUT = 3;

/** The folder the CLI caches forms in unless told otherwise: $JIXIAO_CACHE, else the user's cache folder. */
export function defaultCacheDir(): string {
  const own = process.env['JIXIAO_CACHE'];
  if (own) return own;
  const base = process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache');
  return path.join(base, 'jixiao');
}

/** What loading reads of a rule set: its framework, the id its messages name, and whose weights count. */
function loadingFingerprint(ruleSet: RuleSet): string {
  const { id, framework, parameters } = ruleSet.file;
  return sha256(JSON.stringify({ id, framework, weights: parameters.weights ?? null }));
}

export interface CacheCounts {
  /** Forms read back from the cache. */
  hits: number;
  /** Forms read from their files (new, changed, or an entry that could not be used). */
  misses: number;
  /** The first reason an entry could not be written (a read-only folder, a full disk): the run goes on without. */
  unwritable: string | null;
}

/**
 * Loaded forms kept by the content of their files. An entry is found by the hash of the actuals file's bytes, its
 * path, the jixiao version and what loading reads of the rule set; it names the definitions file it was read with
 * and that file's hash, which must still match. Entries live in pack files (cachePacks.ts), each written whole by
 * one run and renamed when done, so two runs at once never see each other's half-written work. Anything unreadable
 * (a truncated or foreign pack, a bad checksum) is a miss: the form is read from its files and cached again. The
 * folder may be deleted at any time. `close()` writes the run's pack.
 */
export class FormCache {
  readonly counts: CacheCounts = { hits: 0, misses: 0, unwritable: null };
  private readonly folder: string;
  private readonly fingerprint: string;
  private packs: PackReader | undefined;
  private writer: PackWriter | undefined;

  constructor(
    dir: string,
    private readonly ruleSet: RuleSet,
    private readonly version = JIXIAO_VERSION,
  ) {
    this.folder = path.join(dir, `forms-${LAYOUT}`);
    this.fingerprint = loadingFingerprint(ruleSet);
  }

  /** The form's input, from the cache when its files are unchanged; else loaded (every check) and cached. Throws as loadForm does. */
  load(actualsPath: string): FormInput {
    const bytes = readInput(actualsPath, 'yaml');
    const key = this.keyOf(actualsPath, bytes);
    this.packs ??= new PackReader(this.folder);
    const payload = this.packs.read(key, this.version);
    const cached = payload ? this.readEntry(payload, actualsPath, bytes) : null;
    if (cached) {
      this.counts.hits++;
      // a crowded folder is compacted: what this run reads goes into its own pack, and the old packs go
      if (this.packs.crowded && payload) this.write(key, payload);
      return cached;
    }
    this.counts.misses++;
    const loaded = loadFormFromDocument(sourceFromBytes(bytes, actualsPath), { ruleSet: this.ruleSet });
    const { file, absolutePath } = loaded.definitionsDoc;
    const parsed = parsedRows(loaded.input);
    this.write(
      key,
      packForm({ definitions: { file, absolutePath }, input: loaded.input, parsed }, [actualsPath, file]),
    );
    return loaded.input;
  }

  /** Writes this run's pack (and, when the folder was crowded, removes the packs it replaces). */
  close(): void {
    const replaced = this.packs?.crowded ? this.packs.packs : [];
    this.packs?.close();
    this.packs = undefined;
    try {
      const wrote = this.writer?.finish() ?? false;
      if (wrote && this.counts.unwritable === null) removePacks(replaced);
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

  /** The cached input, or null when it cannot be read or the definitions file has changed. */
  private readEntry(payload: Buffer, actualsPath: string, actualsBytes: Buffer): FormInput | null {
    const texts = new Map<string, () => string>([[actualsPath, () => decodeText(actualsBytes, actualsPath).text]]);
    try {
      const places = new Map<string, Place>();
      const placeOf = (file: string): Place => {
        const known = places.get(file) ?? placeWhenAsked(file, texts);
        places.set(file, known);
        return known;
      };
      const form = unpackForm(payload, placeOf);
      const { file, absolutePath } = form.definitions;
      const text = decodeText(readInput(absolutePath, 'yaml'), file).text;
      if (sha256(text) !== form.input.stamps.inputs.definitionsSha256) return null;
      texts.set(file, () => text);
      rememberParsedRows(form.input, form.parsed);
      return form.input;
    } catch {
      return null;
    }
  }

  private write(key: string, payload: Buffer): void {
    if (this.counts.unwritable !== null) return;
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
    this.counts.unwritable ??= `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim();
  }
}

/**
 * Places locations in a file's text, found when a location is first asked for: by then the definitions file has
 * been read (to check its hash) and its text is known.
 */
function placeWhenAsked(file: string, texts: Map<string, () => string>): Place {
  let place: Place | undefined;
  return (dataPath, options) => {
    const text = texts.get(file);
    if (!text) throw new Error(`a cached location names ${file}, which this form does not read`);
    place ??= placesInText(text(), file);
    return place(dataPath, options);
  };
}
