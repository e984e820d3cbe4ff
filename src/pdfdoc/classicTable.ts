// The classic cross-reference table (ISO 32000 §7.5.4) as the splice reads and writes it: read from Chromium's
// printed documents (thousands of entries, once per document) and written once per form a batch splits out.
// Both walk the text or bytes by hand: a split, trim and regular expression per line was a tenth of a split.

/** Thrown for a table that is not of the plain kind (the caller declines the splice). */
export class TableDeclined extends Error {}

/** The text of the table between `xref` and `trailer`, one line at a time, each trimmed, blank lines skipped. */
class Lines {
  private at = 0;
  constructor(private readonly text: string) {}

  /** The next line's bounds, or null at the end. */
  next(): [number, number] | null {
    const { text } = this;
    let start = this.at;
    while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
    if (start >= text.length) return null;
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    this.at = end;
    while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
    return [start, end];
  }
}

/** The whole number written in text[from, to), or -1 when anything but digits is there. */
function digitsIn(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Each object in use (generation 0) and its byte offset, as the table lists them; anything else declines. */
export function tableOffsets(text: string): [number, number][] {
  const lines = new Lines(text);
  const found: [number, number][] = [];
  for (let head = lines.next(); head; head = lines.next()) {
    // a subsection header: `first count`
    const space = text.indexOf(' ', head[0]);
    const first = space < 0 || space >= head[1] ? -1 : digitsIn(text, head[0], space);
    const count = first < 0 ? -1 : digitsIn(text, space + 1, head[1]);
    if (count < 0) throw new TableDeclined('cross-reference subsection header expected');
    for (let k = 0; k < count; k++) {
      // an entry: `oooooooooo ggggg n` (or f), 18 characters once trimmed
      const entry = lines.next();
      const [at, end] = entry ?? [0, 0];
      const kind = text.charCodeAt(at + 17);
      const offset = digitsIn(text, at, at + 10);
      const generation = digitsIn(text, at + 11, at + 16);
      if (!entry || end - at !== 18 || text[at + 10] !== ' ' || text[at + 16] !== ' ' || offset < 0 || generation < 0)
        throw new TableDeclined('cross-reference entry expected');
      if (kind !== 0x6e && kind !== 0x66) throw new TableDeclined('cross-reference entry expected');
      if (kind === 0x66) continue;
      if (generation !== 0) throw new TableDeclined('object with a generation other than 0');
      found.push([first + k, offset]);
    }
  }
  return found;
}

const FREE_HEAD = Buffer.from('0000000000 65535 f \n', 'latin1');
const IN_USE_TAIL = Buffer.from(' 00000 n \n', 'latin1');

/**
 * The classic cross-reference table, written as pdf-lib writes it (object 0 free, a subsection per run of
 * consecutive numbers, 20-byte entries): written into one buffer, digit by digit, as Chromium's tagged forms have
 * thousands of objects and a batch writes the table once per form.
 */
export function crossReferenceBytes(offsets: Map<number, number>): Buffer {
  const numbers = Float64Array.from(offsets.keys()).sort();
  // the subsections: runs of consecutive numbers, the first beginning with the free object 0
  const runs: { first: number; count: number }[] = [{ first: 0, count: 1 }];
  let previous = 0;
  for (const number of numbers) {
    const run = runs[runs.length - 1];
    if (run && number === previous + 1) run.count++;
    else runs.push({ first: number, count: 1 });
    previous = number;
  }
  const heads = runs.map((r) => `${r.first} ${r.count}\n`);
  const out = Buffer.allocUnsafe(5 + heads.reduce((n, h) => n + h.length, 0) + 20 * (numbers.length + 1));
  let at = out.write('xref\n', 0, 'latin1');
  let next = 0;
  runs.forEach((run, r) => {
    at += out.write(heads[r] ?? '', at, 'latin1');
    for (let k = 0; k < run.count; k++) {
      if (r === 0 && k === 0) {
        at += FREE_HEAD.copy(out, at);
        continue;
      }
      let offset = offsets.get(numbers[next++] ?? 0) ?? 0;
      for (let d = 9; d >= 0; d--) {
        out[at + d] = 48 + (offset % 10);
        offset = Math.floor(offset / 10);
      }
      at += 10 + IN_USE_TAIL.copy(out, at + 10);
    }
  });
  return out;
}
