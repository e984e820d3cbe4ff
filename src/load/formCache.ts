import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { JIXIAO_VERSION } from '../domain/version';
import type { RuleSet } from '../rules/ruleSet';
import type { FormInput } from '../scoring/formInput';
import { placesInText } from '../source/yamlSource';
import type { Place } from '../source/quickYaml';
import { decodeText, readInput, sha256, sourceFromBytes } from './files';
import { loadFormFromDocument } from './loadForm';
import { packForm, unpackForm } from './storedForm';

/** Bumped when what an entry holds changes shape, so an older layout is never read as the new one. */
const LAYOUT = 1;
const MAGIC = Buffer.from('JXFC');
const HEADER = MAGIC.length + 8;

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
 * and that file's hash, which must still match. Entries are written to a temporary file and renamed, so a reader
 * sees a whole entry or none, and two runs writing the same entry write the same bytes. Anything unreadable (a
 * truncated or foreign file) is a miss: the form is read from its files and the entry written again. The folder
 * may be deleted at any time.
 */
export class FormCache {
  readonly counts: CacheCounts = { hits: 0, misses: 0, unwritable: null };
  private readonly folder: string;
  private readonly fingerprint: string;
  private readonly made = new Set<string>();

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
    const entry = this.entryPath(actualsPath, bytes);
    const cached = this.readEntry(entry, actualsPath, bytes);
    if (cached) {
      this.counts.hits++;
      return cached;
    }
    this.counts.misses++;
    const loaded = loadFormFromDocument(sourceFromBytes(bytes, actualsPath), { ruleSet: this.ruleSet });
    const { file, absolutePath } = loaded.definitionsDoc;
    const stored = packForm({ definitions: { file, absolutePath }, input: loaded.input }, [actualsPath, file]);
    this.writeEntry(entry, stored);
    return loaded.input;
  }

  private entryPath(actualsPath: string, bytes: Buffer): string {
    const key = createHash('sha256')
      .update(`${LAYOUT}\n${this.version}\n${this.fingerprint}\n${actualsPath}\n${path.resolve(actualsPath)}\n`)
      .update(bytes)
      .digest('hex');
    return path.join(this.folder, key.slice(0, 2), `${key}.bin`);
  }

  /** The cached input, or null when there is none, it cannot be read whole, or the definitions file has changed. */
  private readEntry(entry: string, actualsPath: string, actualsBytes: Buffer): FormInput | null {
    let stored: Buffer;
    try {
      stored = readFileSync(entry);
    } catch {
      return null;
    }
    const payload = wholePayload(stored, this.version);
    if (!payload) return null;
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
      return form.input;
    } catch {
      return null;
    }
  }

  private writeEntry(entry: string, payload: Buffer): void {
    if (this.counts.unwritable !== null) return;
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header);
    header.writeUInt32BE(payload.length, MAGIC.length);
    header.writeUInt32BE(crc32(payload, crc32(this.version)), MAGIC.length + 4);
    const temporary = `${entry}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const folder = path.dirname(entry);
      if (!this.made.has(folder)) mkdirSync(folder, { recursive: true });
      this.made.add(folder);
      writeFileSync(temporary, Buffer.concat([header, payload]));
      renameSync(temporary, entry);
    } catch (error) {
      removeQuietly(temporary);
      this.counts.unwritable = `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim();
    }
  }
}

/** A temporary file that may not exist, or whose folder may not (a cache path that is a file): nothing to remove then. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was written there
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

/** The payload of an entry when it is whole and written by this version: length and checksum (seeded with the version) agree. */
function wholePayload(stored: Buffer, version: string): Buffer | null {
  if (stored.length < HEADER || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const length = stored.readUInt32BE(MAGIC.length);
  const payload = stored.subarray(HEADER);
  if (payload.length !== length) return null;
  return stored.readUInt32BE(MAGIC.length + 4) === crc32(payload, crc32(version)) ? payload : null;
}
