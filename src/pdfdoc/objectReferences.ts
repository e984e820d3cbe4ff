// The references an object holds, read from its bytes by the PDF's own token rules (ISO 32000 §7.2–7.3) without
// building the object: splitting a printed document only needs to know what each font, image and structure
// element points at, and parsing every one of them with pdf-lib was most of the split's time. Strings and
// comments are skipped, so a department's text that reads "12 0 R" is never taken for a reference; a stream's
// data is not read (the scan ends at `stream`), as a parser reads only its dictionary.

/** Each byte's class: 1 whitespace, 2 delimiter ( ) < > [ ] { } / %, 0 regular (a table: this runs on every byte). */
const KIND = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) KIND[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) KIND[b] = 2;

const isRegular = (byte: number): boolean => KIND[byte] === 0;

/** Thrown for bytes that do not end as an object does (no `endobj` or `stream`, a string left open). */
export class UnreadableObject extends Error {}

/** The end of a literal string that starts at `at` (its opening parenthesis): nested pairs and escapes counted. */
function literalStringEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x5c) i++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return i + 1;
  }
  throw new UnreadableObject('a literal string is not closed');
}

function skipTo(bytes: Uint8Array, at: number, until: (byte: number) => boolean): number {
  let i = at;
  while (i < bytes.length && !until(bytes[i] ?? 0)) i++;
  return i;
}

/**
 * The object numbers of every `N G R` in the object whose body starts at `start` (just after `N G obj`), in the
 * order written; the scan ends at the object's `endobj`, or at `stream` for a stream.
 */
export function referencesIn(bytes: Uint8Array, start: number): { objectNumber: number; generation: number }[] {
  const found: { objectNumber: number; generation: number }[] = [];
  // the last two tokens when they were whole numbers (-1 for any other token): `12 0 R` names object 12
  let before = -1;
  let last = -1;
  let i = start;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const kind = KIND[byte];
    if (kind === 1) {
      i++;
      continue;
    }
    if (kind === 2) {
      i = pastDelimited(bytes, i);
      before = last;
      last = -1;
      continue;
    }
    const end = skipTo(bytes, i, (b) => !isRegular(b));
    const word = wordAt(bytes, i, end);
    i = end;
    if (word === 'end') return found;
    if (word === 'R' && before >= 0 && last >= 0) found.push({ objectNumber: before, generation: last });
    before = last;
    last = typeof word === 'number' ? word : -1;
  }
  throw new UnreadableObject('the object does not end');
}

/** A regular token: a whole number, R, the end of the object (endobj, or stream), or anything else. */
function wordAt(bytes: Uint8Array, from: number, to: number): number | 'R' | 'end' | 'other' {
  let value = 0;
  for (let k = from; k < to; k++) {
    const digit = (bytes[k] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) {
      if (to - from === 1 && bytes[from] === 0x52) return 'R';
      const text = to - from === 6 ? String.fromCharCode(...bytes.subarray(from, to)) : '';
      return text === 'endobj' || text === 'stream' ? 'end' : 'other';
    }
    value = value * 10 + digit;
  }
  return value;
}

/** Past a token that starts with a delimiter: a comment, a string, a name, a bracket or a dictionary mark. */
function pastDelimited(bytes: Uint8Array, i: number): number {
  const byte = bytes[i];
  if (byte === 0x25) return skipTo(bytes, i, (b) => b === 0x0a || b === 0x0d);
  if (byte === 0x28) return literalStringEnd(bytes, i);
  if (byte === 0x2f) return skipTo(bytes, i + 1, (b) => !isRegular(b));
  if (byte === 0x3c && bytes[i + 1] !== 0x3c) {
    const end = skipTo(bytes, i, (b) => b === 0x3e) + 1;
    if (end > bytes.length) throw new UnreadableObject('a hexadecimal string is not closed');
    return end;
  }
  if ((byte === 0x3c || byte === 0x3e) && bytes[i + 1] === byte) return i + 2;
  return i + 1;
}

/** Where the body of object `number` starts when its header `N G obj` begins at `at` (whitespace after it skipped); -1 when no such header is there. */
export function bodyStart(bytes: Uint8Array, at: number, number: number): number {
  let i = at;
  const digits = (): number => {
    let value = 0;
    const from = i;
    for (let digit = (bytes[i] ?? 0) - 0x30; digit >= 0 && digit <= 9; digit = (bytes[i] ?? 0) - 0x30) {
      value = value * 10 + digit;
      i++;
    }
    return i > from ? value : -1;
  };
  const spaces = (): boolean => {
    const from = i;
    while (i < bytes.length && KIND[bytes[i] ?? 0] === 1) i++;
    return i > from;
  };
  if (digits() !== number || !spaces() || digits() < 0 || !spaces()) return -1;
  if (bytes[i] !== 0x6f || bytes[i + 1] !== 0x62 || bytes[i + 2] !== 0x6a) return -1;
  i += 3;
  spaces();
  return i;
}
