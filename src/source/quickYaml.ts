import { CORE_SCHEMA, load } from 'js-yaml';
import type { SourceLocation } from '../domain/model';
import type { DataPath, SourceDocument } from './sourceDocument';
import { readPositions, type YamlPositions } from './yamlPositions';

// Most YAML files are read without positions (js-yaml, about ten times faster than the full reader in
// yamlSource.ts); where a value is written is worked out only when a message asks for it, by a second js-yaml
// reading that keeps positions (yamlPositions.ts), and by the full reader only for what that one cannot place.

/**
 * What only the full reader handles the same way: anchors, aliases, tags and complex keys (the alias and key
 * checks), numbers longer than a double keeps (the precision check), a document marker, and number spellings
 * the two readers resolve differently (1_000, 0x1F, 0o17, .inf, +.5, 1e3), and a null or empty key. Asked of every
 * file read: sixteen digits are written out (V8 matches that faster than a counted class), and a null key leaves out
 * the spaces before its colon (a space there is itself the blank a key may follow).
 */
const FULL_READ_ONLY = new RegExp(
  [
    '[&*!?]',
    '[\\]}]\\s*:',
    '[\\d.]'.repeat(16),
    '^(?:---|\\.\\.\\.)',
    '(?:^|[\\s:[{,+-])0[xob]',
    '\\.(?:inf|nan)\\b',
    '\\d_\\d',
    '\\d[eE][-+]?\\d',
    '[-+]\\.\\d',
    '(?:^|[\\s{,])(?:~|null)?:(?=\\s|$)',
  ].join('|'),
  'im',
);

/** A number a plain key could be read as (a key written `1.10:` is the number 1.1, not the id "1.10"). */
const NUMBER_LIKE = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * The quick reader: js-yaml's core schema, no positions. Returns null for a file it must leave to the full reader;
 * otherwise a document that asks the full reader (once) only when a location or a number-like key's spelling is wanted.
 */
export function readQuickly(
  text: string,
  file: string,
  absolutePath: string,
  readFully: (text: string, file: string, absolutePath: string) => SourceDocument,
): SourceDocument | null {
  if (FULL_READ_ONLY.test(text)) return null;
  let data: unknown;
  try {
    // duplicate keys and syntax errors throw here: the full reader then says where
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return null;
  }
  if (data === undefined || data === null || typeof data !== 'object') return null;
  let full: SourceDocument | undefined;
  let numberKeys: { quotedOnly: Set<string> } | undefined;
  const fully = (): SourceDocument => (full ??= readFully(text, file, absolutePath));
  const place = placesIn(text, file, fully);
  return {
    file,
    absolutePath,
    text,
    data,
    diagnostics: [],
    locate(dataPath, options) {
      return lazyLocation(file, place, dataPath, options?.key === true);
    },
    keysAt(dataPath) {
      let node: unknown = data;
      for (const segment of dataPath)
        node =
          node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
      const keys = Object.keys(node);
      // a key that reads as a number may have been written as one: only the full reader knows how it was written
      if (keys.some((key) => NUMBER_LIKE.test(key) && !(numberKeys ??= numberLikeKeys(text)).quotedOnly.has(key)))
        return fully().keysAt(dataPath);
      // a key's location is made when a message asks for it (most keys are fine)
      return keys.map((key) => ({
        key,
        source: key,
        writtenAsNumber: false,
        get location() {
          return lazyLocation(file, place, [...dataPath, key], true);
        },
      }));
    },
  };
}

/** Keys that read as numbers and are written quoted (`"1.1":`) and never bare (`1.1:`) anywhere in the text. */
function numberLikeKeys(text: string): { quotedOnly: Set<string> } {
  const quoted = new Set<string>();
  const bare = new Set<string>();
  for (const [, , key = ''] of text.matchAll(/(["'])([-+]?[\d.]+)\1\s*:/g)) quoted.add(key);
  for (const [, key = ''] of text.matchAll(/(?:^|[\s{,])([-+]?[\d.]+)\s*:/gm)) {
    // a bare key is kept both as written and as the number it reads as (1.10 is the key "1.1")
    bare.add(key);
    bare.add(String(Number(key)));
  }
  return { quotedOnly: new Set([...quoted].filter((key) => !bare.has(key))) };
}

/** Finds where a data path is written in a text; the positions are read on the first question. */
export type Place = (dataPath: DataPath, options?: { key?: boolean }) => SourceLocation;

/**
 * Where values are written in a text, found without reading its data again: by the reading that keeps positions,
 * else by the full reader. A form read back from the cache places its messages this way.
 */
export function placesIn(text: string, file: string, fully: () => SourceDocument): Place {
  let positions: YamlPositions | null | undefined;
  return (dataPath, options) => {
    if (positions === undefined) positions = readPositions(text);
    if (positions === null) return fully().locate(dataPath, options);
    return { file, ...positions.at(positions.offsetOf(dataPath, options?.key === true)) };
  };
}

/** What a location not yet found points at: the form cache stores this instead of forcing line and column. */
export interface LocatedAt {
  dataPath: DataPath;
  key: boolean;
}

/**
 * A location whose line and column are found only when read (most never are). The form cache tells it from any
 * other object by its class, and stores what it points at without reading its line.
 */
export class LazyLocation {
  declare readonly line: number;
  declare readonly column: number;
  readonly #place: Place;
  readonly #dataPath: DataPath;
  readonly #key: boolean;
  #found: SourceLocation | undefined;

  constructor(
    readonly file: string,
    place: Place,
    dataPath: DataPath,
    key: boolean,
  ) {
    this.#place = place;
    this.#dataPath = dataPath;
    this.#key = key;
    Object.defineProperty(this, 'line', LINE);
    Object.defineProperty(this, 'column', COLUMN);
  }

  static found(location: LazyLocation): SourceLocation {
    return (location.#found ??= location.#place(location.#dataPath, { key: location.#key }));
  }

  /** The value (or key) it points at. */
  get at(): LocatedAt {
    return { dataPath: this.#dataPath, key: this.#key };
  }
}

// shared by every lazy location: own, enumerable accessors (copies, JSON and comparisons see a plain
// { file, line, column }), one pair of functions for all of them
const LINE: PropertyDescriptor = {
  get(this: LazyLocation) {
    return LazyLocation.found(this).line;
  },
  enumerable: true,
};
const COLUMN: PropertyDescriptor = {
  get(this: LazyLocation) {
    return LazyLocation.found(this).column;
  },
  enumerable: true,
};

/** A location whose line and column are found only when read (most never are). */
export function lazyLocation(file: string, place: Place, dataPath: DataPath, key: boolean): SourceLocation {
  return new LazyLocation(file, place, dataPath, key);
}
