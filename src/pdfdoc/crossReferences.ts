import {
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFXRefStreamParser,
} from '@cantoo/pdf-lib';

/** Where a viewer finds one object: at a byte offset, inside an object stream, or nowhere (free). */
export type CrossReference =
  { kind: 'offset'; offset: number; generation: number } | { kind: 'stream'; stream: number } | { kind: 'free' };

/** The document as a viewer finds it from one `startxref`: each object's place, and the catalog the trailer names. */
export interface ViewerIndex {
  entries: Map<number, CrossReference>;
  root: string | null;
  /** The cross-reference streams met on the way: objects of their own that a table need not list. */
  xrefStreams: Set<number>;
}

/** How many sections a chain of /Prev may have before it is taken for a loop. */
const MAX_SECTIONS = 4096;

/**
 * The objects of the document as a viewer reads it from the cross-reference section at `startxref`: that
 * section, then each older one its /Prev (and a hybrid file's /XRefStm) names, the newest entry for each number
 * winning. Throws when a section cannot be read: a viewer would then rebuild the file by guesswork.
 */
export function viewerIndex(pdf: Uint8Array, startxref: number, sections = new Map<number, Section>()): ViewerIndex {
  const index: ViewerIndex = { entries: new Map(), root: null, xrefStreams: new Set() };
  const seen = new Set<number>();
  const queue = [startxref];
  while (queue.length > 0) {
    const at = queue.shift() ?? 0;
    if (seen.has(at) || seen.size >= MAX_SECTIONS) throw new Error(`cross-reference section at ${at} read twice`);
    seen.add(at);
    let section = sections.get(at);
    if (!section) sections.set(at, (section = readSection(pdf, at)));
    // the newest entry for each number wins: entries already there came from a newer section
    for (const [number, place] of section.entries) if (!index.entries.has(number)) index.entries.set(number, place);
    if (section.xrefStream !== null) index.xrefStreams.add(section.xrefStream);
    const trailer = section.trailer;
    if (index.root === null) index.root = trailer.get(PDFName.of('Root'))?.toString() ?? null;
    // a hybrid file's stream is read before the older sections: its entries are as new as the table's
    for (const key of ['XRefStm', 'Prev']) {
      const next = trailer.get(PDFName.of(key));
      if (next instanceof PDFNumber) queue.push(next.asNumber());
    }
  }
  return index;
}

/** One cross-reference section as written: its entries (the first of a number within it), its trailer. */
export interface Section {
  entries: Map<number, CrossReference>;
  trailer: PDFDict;
  /** The section's own object number when it is a cross-reference stream. */
  xrefStream: number | null;
}

/** Reads one section at its offset. */
function readSection(pdf: Uint8Array, at: number): Section {
  const head = latin1(pdf, at, at + 64);
  if (/^xref\s/.test(head)) return readTable(pdf, at);
  const header = /^(\d+)\s+(\d+)\s+obj\s*/.exec(head);
  if (!header) throw new Error(`no cross-reference section at ${at}`);
  const context = PDFContext.create();
  const stream = PDFObjectParser.forBytes(pdf.subarray(at + header[0].length), context).parseObject();
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef'))
    throw new Error(`object at ${at} is not a cross-reference stream`);
  const entries = new Map<number, CrossReference>();
  for (const entry of PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
    const number = entry.ref.objectNumber;
    if (entries.has(number)) continue;
    entries.set(
      number,
      entry.deleted
        ? { kind: 'free' }
        : entry.inObjectStream
          ? { kind: 'stream', stream: entry.offset }
          : { kind: 'offset', offset: entry.offset, generation: entry.ref.generationNumber },
    );
  }
  return { entries, trailer: stream.dict, xrefStream: Number(header[1]) };
}

/** A classic `xref` table and the trailer after it. */
function readTable(pdf: Uint8Array, at: number): Section {
  const found = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).indexOf('trailer', at, 'latin1');
  if (found < 0) throw new Error(`cross-reference table at ${at} has no trailer`);
  const trailerAt = found - at;
  const text = latin1(pdf, at, found);
  const entries = new Map<number, CrossReference>();
  const tokens = text.slice(4, trailerAt).trim().split(/\s+/);
  for (let i = 0; i + 1 < tokens.length;) {
    const first = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || count < 0)
      throw new Error(`cross-reference table at ${at}: subsection header expected`);
    i += 2;
    for (let k = 0; k < count; k++, i += 3) {
      const [offset, generation, kind] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (!/^\d+$/.test(offset ?? '') || !/^\d+$/.test(generation ?? '') || (kind !== 'n' && kind !== 'f'))
        throw new Error(`cross-reference table at ${at}: entry ${first + k} unreadable`);
      if (entries.has(first + k)) continue;
      entries.set(
        first + k,
        kind === 'f' ? { kind: 'free' } : { kind: 'offset', offset: Number(offset), generation: Number(generation) },
      );
    }
  }
  const trailer = PDFObjectParser.forBytes(
    pdf.subarray(at + trailerAt + 'trailer'.length),
    PDFContext.create(),
  ).parseObject();
  if (!(trailer instanceof PDFDict)) throw new Error(`cross-reference table at ${at}: trailer is not a dictionary`);
  return { entries, trailer, xrefStream: null };
}

/** The offset the last `startxref` before `end` gives: where a viewer starts reading the file cut at `end`. */
export function startxrefBefore(pdf: Uint8Array, end: number): number | null {
  const tail = latin1(pdf, Math.max(0, end - 1024), end);
  const found = [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  return found ? Number(found[1]) : null;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString(
    'latin1',
  );
}
