import { createHash } from 'node:crypto';
import { Packr } from 'msgpackr';
import type { RuleSet } from '../rules/ruleSet';
import type { FormInput } from '../scoring/formInput';
import { rememberParsedRows, parsedRows } from '../scoring/parsedRows';
import type { Place } from '../source/quickYaml';
import { placesInText } from '../source/yamlSource';
import { decodeText, readInput, sha256, sourceFromBytes } from './files';
import { loadFormFromDocument, type LoadedForm } from './loadForm';
import { packForm, unpackForm } from './storedForm';

/** What a cached form asks of its cache: the packs to read, the run's pack to write, and its counts. */
export interface CacheStore {
  /** The rule set forms are loaded against; none: each form's own (what its definitions name). */
  readonly ruleSet: RuleSet | null;
  /** An entry's payload when one is stored under the key for this version; else null. */
  read(key: string): Buffer | null;
  /** A new entry for the run's pack. */
  write(key: string, payload: Buffer): void;
  /** An entry read and found good: kept when the folder is being compacted. */
  used(key: string, payload: Buffer): void;
  /** An entry this run did not need to read but still wants (a form whose scores were read back): kept when compacting. */
  carry(key: string): void;
  /** The form was read from its files. */
  missed(): void;
  /** A value derived from the form (a score under a rule set) was read back. */
  reused(): void;
}

/** The definitions file a form was read with, and the hash of its text then. */
interface Definitions {
  file: string;
  absolutePath: string;
  sha256: string;
}

// derived values are plain data (texts, numbers, lists): no extensions, keys written once per shape
const plainPackr = new Packr({ useRecords: true, moreTypes: false });

/**
 * One form as a run meets it: its actuals read once and keyed, its loaded input and the values derived from it
 * (what compare keeps of a score under one rule set) read back while its files are unchanged, else computed and
 * cached. Every entry names the definitions file it was made with and that file's hash, which must still match.
 */
export class CachedForm {
  private readonly definitionTexts = new Map<string, string>();
  private definitions: Definitions | undefined;
  private carried = false;
  private stale = false;

  constructor(
    private readonly store: CacheStore,
    readonly actualsPath: string,
    private readonly actualsBytes: Buffer,
    private readonly key: string,
  ) {}

  /** The form's input: read back when its files are unchanged, else loaded (every check) and cached. Throws as loadForm does. */
  input(): FormInput {
    const payload = this.store.read(this.key);
    const cached = payload ? this.readEntry(payload) : null;
    if (payload && cached) {
      this.store.used(this.key, payload);
      return cached;
    }
    const loaded = this.loaded();
    const { file, absolutePath } = loaded.definitionsDoc;
    const parsed = parsedRows(loaded.input);
    this.store.write(
      this.key,
      packForm({ definitions: { file, absolutePath }, input: loaded.input, parsed }, [this.actualsPath, file]),
    );
    return loaded.input;
  }

  /**
   * The form loaded from its files, with its documents, for a caller that needs more than the input (review reads
   * the actuals as written); values derived from it can then be kept. Throws as loadForm does.
   */
  loaded(): LoadedForm {
    this.store.missed();
    const ruleSet = this.store.ruleSet;
    const loaded = loadFormFromDocument(
      sourceFromBytes(this.actualsBytes, this.actualsPath),
      ruleSet ? { ruleSet } : {},
    );
    const { file, absolutePath } = loaded.definitionsDoc;
    this.definitions = { file, absolutePath, sha256: loaded.input.stamps.inputs.definitionsSha256 };
    return loaded;
  }

  /**
   * The form as read elsewhere (scoreFile reads it with every check of its own): values derived from it can be kept
   * against the definitions it was read with, unless its actuals are no longer the bytes this form is keyed by.
   */
  readElsewhere(loaded: LoadedForm): void {
    this.store.missed();
    if (loaded.actualsDoc.text !== decodeText(this.actualsBytes, this.actualsPath).text) {
      this.stale = true;
      return;
    }
    const { file, absolutePath } = loaded.definitionsDoc;
    this.definitions = { file, absolutePath, sha256: loaded.input.stamps.inputs.definitionsSha256 };
  }

  /**
   * A value kept under `name` (say, a score under one rule set) while the form's files are unchanged and `current`
   * says it still holds (what it was made with beyond the form, a rule set, is unchanged); else null.
   */
  derived<T>(name: string, current: (value: T) => boolean = () => true): T | null {
    const key = this.derivedKey(name);
    const payload = this.store.read(key);
    if (!payload) return null;
    try {
      const [definitions, value] = plainPackr.unpack(payload) as [Definitions, T];
      if (this.definitionsText(definitions) === null || !current(value)) return null;
      this.definitions ??= definitions;
      this.store.used(key, payload);
      // the next run may score the form under an edited rule set: its input must outlive a compaction too
      if (!this.carried) this.store.carry(this.key);
      this.carried = true;
      this.store.reused();
      return value;
    } catch {
      return null;
    }
  }

  /** Keeps a value derived from the input (plain data); the input must have been read. */
  keep(name: string, value: unknown): void {
    // the files changed while the form was read elsewhere: what was read is not what the key names
    if (this.stale) return;
    if (!this.definitions) throw new Error('a derived value kept before the form was read');
    this.store.write(this.derivedKey(name), plainPackr.pack([this.definitions, value]));
  }

  private derivedKey(name: string): string {
    return createHash('sha256').update(`${this.key}\n${name}`).digest('hex');
  }

  /** The definitions file's text when it still has the hash it had; null when it changed (or is gone). */
  private definitionsText(definitions: Definitions): string | null {
    let text = this.definitionTexts.get(definitions.absolutePath);
    if (text === undefined) {
      try {
        text = decodeText(readInput(definitions.absolutePath, 'yaml'), definitions.file).text;
      } catch {
        return null;
      }
      this.definitionTexts.set(definitions.absolutePath, text);
    }
    return sha256(text) === definitions.sha256 ? text : null;
  }

  /** The cached input, or null when it cannot be read or the definitions file has changed. */
  private readEntry(payload: Buffer): FormInput | null {
    const texts = new Map<string, () => string>([
      [this.actualsPath, () => decodeText(this.actualsBytes, this.actualsPath).text],
    ]);
    try {
      const places = new Map<string, Place>();
      const placeOf = (file: string): Place => {
        const known = places.get(file) ?? placeWhenAsked(file, texts);
        places.set(file, known);
        return known;
      };
      const form = unpackForm(payload, placeOf);
      const definitions = { ...form.definitions, sha256: form.input.stamps.inputs.definitionsSha256 };
      const text = this.definitionsText(definitions);
      if (text === null) return null;
      texts.set(definitions.file, () => text);
      this.definitions = definitions;
      rememberParsedRows(form.input, form.parsed);
      return form.input;
    } catch {
      return null;
    }
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
