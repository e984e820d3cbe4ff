import { addExtension, Packr } from 'msgpackr';
import { Decimal, decimalFromText } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import type { FormInput } from '../scoring/formInput';
import type { ParsedTexts } from '../scoring/readRow';
import { LazyLocation, lazyLocation, type Place } from '../source/quickYaml';
import type { DataPath } from '../source/sourceDocument';

// A form's loaded input as the cache stores it: MessagePack by msgpackr (already here through BullMQ), which
// writes an object's keys once per shape (twenty indicator rows of one shape cost one set of keys) and takes
// extensions for the two kinds of value JSON cannot carry: exact decimals, and
// locations whose line and column nobody has asked for yet (forcing them would cost the first run a second
// reading of every file).

/** The file names of the entry being packed or unpacked (its FileTable comes first). */
let tableFiles: readonly string[] = [];
/** Where the locations of the form being read back find their text: set only while one is being unpacked. */
let placing: ((file: string) => Place) | null = null;
/** The locations of the form being unpacked, by what they point at. */
const placed = new Map<string, SourceLocation>();

/** The names of the files an entry's locations are in, written once before the form. */
class FileTable {
  constructor(readonly files: readonly string[]) {}
}

addExtension({
  Class: Decimal,
  type: 41,
  // valueOf keeps the sign of a negative zero, which toFixed drops
  write: (value: Decimal) => value.valueOf(),
  // a form repeats a few (5, 50, 100), and forms repeat each other's
  read: decimalFromText,
});

addExtension({
  Class: FileTable,
  type: 43,
  write: (table: FileTable) => table.files,
  read: (files: string[]) => {
    tableFiles = files;
    return new FileTable(files);
  },
});

/** A location in one of the form's own files, as stored: its file's place in the FileTable, its data path, key or value. */
type StoredLocation = [number, DataPath, boolean];

addExtension({
  Class: LazyLocation,
  type: 42,
  // a location not yet found in one of the form's own files (read again on a hit) is kept as what it points at;
  // one in any other file (a rule set's, say) is placed now
  write: (location: LazyLocation): StoredLocation | SourceLocation => {
    const index = tableFiles.indexOf(location.file);
    if (index >= 0) {
      const { dataPath, key } = location.at;
      return [index, dataPath, key];
    }
    return { file: location.file, line: location.line, column: location.column };
  },
  read: (stored: StoredLocation | SourceLocation): SourceLocation => {
    if (!Array.isArray(stored)) return stored;
    const [index, dataPath, key] = stored;
    const file = tableFiles[index];
    if (!placing || file === undefined) throw new Error('a stored location read outside unpackForm');
    // the same place named by many rows (the actuals' indicators map) is one location again
    const name = `${index}\u0000${String(key)}\u0000${dataPath.join('\u0000')}`;
    const known = placed.get(name);
    if (known) return known;
    const location = lazyLocation(file, placing(file), dataPath, key);
    placed.set(name, location);
    return location;
  },
});

const packr = new Packr({ useRecords: true, moreTypes: false });

/** What the cache keeps of a loaded form: its input, and the definitions file it was read with. */
export interface StoredForm {
  /** The definitions file's name as messages print it, and where it is. */
  definitions: { file: string; absolutePath: string };
  input: FormInput;
  /** Each row's target and actual as read (a tenth of a compare's time when parsed again). */
  parsed: ParsedTexts[];
}

/** Packs a loaded form; `ownFiles` are the files (as messages name them) that a hit reads again. */
export function packForm(form: StoredForm, ownFiles: readonly string[]): Buffer {
  tableFiles = ownFiles;
  try {
    return packr.pack([new FileTable(ownFiles), form]);
  } finally {
    tableFiles = [];
  }
}

/** Reads a packed form back; its locations find their lines in the texts `placeOf` gives, when one is asked. */
export function unpackForm(bytes: Buffer, placeOf: (file: string) => Place): StoredForm {
  placing = placeOf;
  try {
    const [, form] = packr.unpack(bytes) as [FileTable, StoredForm];
    return form;
  } finally {
    placing = null;
    tableFiles = [];
    placed.clear();
  }
}
