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
export function viewerIndex(pdf: Uint8Array, startxref: number): ViewerIndex {
  const index: ViewerIndex = { entries: new Map(), root: null, xrefStreams: new Set() };
  const seen = new Set<number>();
  const queue = [startxref];
  while (queue.length > 0) {
    const at = queue.shift() ?? 0;
    if (seen.has(at) || seen.size >= MAX_SECTIONS) throw new Error(`cross-reference section at ${at} read twice`);
    seen.add(at);
    const trailer = readSection(pdf, at, index);
    if (index.root === null) index.root = trailer.get(PDFName.of('Root'))?.toString() ?? null;
    // a hybrid file's stream is read before the older sections: its entries are as new as the table's
    for (const key of ['XRefStm', 'Prev']) {
      const next = trailer.get(PDFName.of(key));
      if (next instanceof PDFNumber) queue.push(next.asNumber());
    }
  }
  return index;
}

/** Reads one section into `index` (entries already there are newer and stay), returning its trailer dictionary. */
function readSection(pdf: Uint8Array, at: number, index: ViewerIndex): PDFDict {
  const head = latin1(pdf, at, at + 64);
  if (/^xref\s/.test(head)) return readTable(pdf, at, index);
  const header = /^(\d+)\s+(\d+)\s+obj\s*/.exec(head);
  if (!header) throw new Error(`no cross-reference section at ${at}`);
  const context = PDFContext.create();
  const stream = PDFObjectParser.forBytes(pdf.subarray(at + header[0].length), context).parseObject();
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef'))
    throw new Error(`object at ${at} is not a cross-reference stream`);
  index.xrefStreams.add(Number(header[1]));
  for (const entry of PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
    const number = entry.ref.objectNumber;
    if (index.entries.has(number)) continue;
    index.entries.set(
      number,
      entry.deleted
        ? { kind: 'free' }
        : entry.inObjectStream
          ? { kind: 'stream', stream: entry.offset }
          : { kind: 'offset', offset: entry.offset, generation: entry.ref.generationNumber },
    );
  }
  return stream.dict;
}

/** A classic `xref` table and the trailer after it. */
function readTable(pdf: Uint8Array, at: number, index: ViewerIndex): PDFDict {
  const text = latin1(pdf, at, pdf.length);
  const trailerAt = text.indexOf('trailer');
  if (trailerAt < 0) throw new Error(`cross-reference table at ${at} has no trailer`);
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
      if (index.entries.has(first + k)) continue;
      index.entries.set(
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
  return trailer;
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
