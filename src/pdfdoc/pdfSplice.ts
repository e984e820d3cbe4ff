import {
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFTrailer,
  PDFTrailerDict,
  type PDFObject,
} from '@cantoo/pdf-lib';

import { bodyStart, referencesIn, UnreadableObject } from './objectReferences';
import { crossReferenceBytes, tableOffsets, TableDeclined } from './classicTable';

/** Thrown when a PDF is not of the plain kind splicing handles; the caller takes the full path instead. */
export class SpliceDeclined extends Error {}

/** What a writer's `body` says of an object copied byte for byte. */
const AS_IT_IS = Symbol('as it is');

/**
 * A PDF read only as far as it is edited, and written back as one revision whose untouched objects are copied
 * byte for byte. Chromium's PDF — one classic cross-reference table, no object streams, no encryption — is
 * mostly fonts, page contents and a structure tree that finalizing never looks at; a full parse and save of
 * all that was most of the node time of a batch. Any other kind of PDF is declined and read in full.
 */
export class SplicedPdf {
  readonly context = PDFContext.create();
  private readonly loaded = new Set<number>();
  private readonly references = new Map<number, PDFRef[]>();
  private inFileOrder: [number, number][] | undefined;
  /** The objects the file holds: number → byte offset of `N 0 obj`. */
  private readonly offsets = new Map<number, number>();
  private readonly size: number;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly xrefOffset: number,
    readonly trailer: PDFDict,
  ) {
    const size = trailer.get(PDFName.of('Size'));
    if (!(size instanceof PDFNumber)) throw new SpliceDeclined('trailer has no /Size');
    this.size = size.asNumber();
    this.context.largestObjectNumber = this.size - 1;
  }

  /** One more than the largest object number the file may hold (its trailer's /Size). */
  get objectCount(): number {
    return this.size;
  }

  /** Reads the cross-reference table and trailer, or declines. */
  static open(bytes: Uint8Array): SplicedPdf {
    const tail = latin1(bytes, Math.max(0, bytes.length - 64), bytes.length);
    const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!end) throw new SpliceDeclined('no startxref at the end');
    const xrefOffset = Number(end[1]);
    const table = latin1(bytes, xrefOffset, bytes.length - tail.length + end.index);
    const trailerAt = table.indexOf('trailer');
    if (!table.startsWith('xref') || trailerAt < 0) throw new SpliceDeclined('no classic cross-reference table');
    const parsedTrailer = PDFObjectParser.forBytes(
      bytes.subarray(xrefOffset + trailerAt + 'trailer'.length),
      PDFContext.create(),
    ).parseObject();
    if (!(parsedTrailer instanceof PDFDict)) throw new SpliceDeclined('trailer is not a dictionary');
    for (const key of ['Prev', 'Encrypt', 'XRefStm']) {
      if (parsedTrailer.has(PDFName.of(key))) throw new SpliceDeclined(`trailer has /${key}`);
    }
    if (!(parsedTrailer.get(PDFName.of('Root')) instanceof PDFRef)) throw new SpliceDeclined('trailer has no /Root');
    const pdf = new SplicedPdf(bytes, xrefOffset, parsedTrailer);
    pdf.readTable(table.slice(4, trailerAt));
    return pdf;
  }

  private readTable(text: string): void {
    let listed: [number, number][];
    try {
      listed = tableOffsets(text);
    } catch (error) {
      if (error instanceof TableDeclined) throw new SpliceDeclined(error.message);
      throw error;
    }
    for (const [number, offset] of listed) {
      if (offset >= this.xrefOffset) throw new SpliceDeclined('object after the cross-reference table');
      this.offsets.set(number, offset);
    }
    let largest = -1;
    for (const number of this.offsets.keys()) largest = Math.max(largest, number);
    if (largest < 0 || largest >= this.size) throw new SpliceDeclined('/Size does not cover the objects');
  }

  /** The object a reference names, parsed on first use; anything else is returned as it is. */
  resolve(object: PDFObject | undefined): PDFObject | undefined {
    if (!(object instanceof PDFRef)) return object;
    const known = this.context.lookup(object);
    if (known !== undefined || this.loaded.has(object.objectNumber) || object.objectNumber >= this.size) return known;
    const parsed = PDFObjectParser.forBytes(this.bytes.subarray(this.bodyOf(object)), this.context).parseObject(object);
    this.context.assign(object, parsed);
    this.loaded.add(object.objectNumber);
    return parsed;
  }

  /**
   * The objects an object of the file names, read from its bytes without parsing it (objectReferences.ts): what
   * a walk over fonts and structure elements needs, at a fraction of a parse.
   */
  referencesOf(ref: PDFRef): PDFRef[] {
    // the five forms of a document share its fonts: each object is read once
    const known = this.references.get(ref.objectNumber);
    if (known) return known;
    try {
      const found = referencesIn(this.bytes, this.bodyOf(ref)).map((r) => PDFRef.of(r.objectNumber, r.generation));
      this.references.set(ref.objectNumber, found);
      return found;
    } catch (error) {
      if (error instanceof UnreadableObject) throw new SpliceDeclined(`object ${ref.toString()}: ${error.message}`);
      throw error;
    }
  }

  /** Where an object's body starts in the file (after `N 0 obj`), checked against the table. */
  private bodyOf(ref: PDFRef): number {
    const offset = this.offsets.get(ref.objectNumber);
    if (offset === undefined || ref.generationNumber !== 0) throw new SpliceDeclined(`no object ${ref.toString()}`);
    const body = bodyStart(this.bytes, offset, ref.objectNumber);
    if (body < 0) throw new SpliceDeclined(`object ${ref.toString()} is not where the table says`);
    return body;
  }

  /**
   * A file of only the objects given (the rest left out, their numbers free): each copied byte for byte as it
   * is in this file, except those given new content here. One revision, with its own table and this trailer.
   */
  subset(keep: ReadonlySet<number>, replaced: ReadonlyMap<number, PDFObject>): Uint8Array {
    return this.write((number) => {
      if (!keep.has(number)) return null;
      const object = replaced.get(number);
      return object ? serialized(number, object) : AS_IT_IS;
    }, false);
  }

  /**
   * The whole file as one revision: untouched objects copied as they were, every object that was read written
   * as it is now (edits are made in place), new objects after them, and a fresh table and trailer.
   */
  save(): Uint8Array {
    return this.write((number) => {
      const object = this.loaded.has(number) ? this.context.lookup(PDFRef.of(number)) : undefined;
      return object ? serialized(number, object) : AS_IT_IS;
    }, true);
  }

  /**
   * Writes the file: the header, then each object of this file in file order as `body` gives it (its bytes
   * AS_IT_IS, new bytes, or null to leave it out), then (with `added`) the objects made since, a table and a trailer.
   */
  private write(body: (number: number) => Uint8Array | typeof AS_IT_IS | null, added: boolean): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const push = (chunk: Uint8Array): void => {
      chunks.push(chunk);
      length += chunk.length;
    };
    const newOffsets = new Map<number, number>();
    // sorted once: a document of ten forms is written out ten times
    const inFileOrder = (this.inFileOrder ??= [...this.offsets].sort((a, b) => a[1] - b[1]));
    push(this.bytes.subarray(0, inFileOrder[0]?.[1] ?? this.xrefOffset));
    for (let i = 0; i < inFileOrder.length; i++) {
      const [number, offset] = inFileOrder[i] ?? [0, 0];
      const chunk = body(number);
      if (chunk === null) continue;
      newOffsets.set(number, length);
      // sliced only when kept: a form of ten keeps a tenth of the document's objects
      push(chunk === AS_IT_IS ? this.bytes.subarray(offset, inFileOrder[i + 1]?.[1] ?? this.xrefOffset) : chunk);
    }
    if (added) {
      for (const [ref, object] of this.context.enumerateIndirectObjects()) {
        if (ref.objectNumber < this.size) continue;
        newOffsets.set(ref.objectNumber, length);
        push(serialized(ref.objectNumber, object));
      }
    }
    const xrefAt = length;
    const trailer = this.trailer.clone(this.context);
    // the table covers every number up to the largest written (a subset leaves the rest free)
    trailer.set(PDFName.of('Size'), PDFNumber.of(Math.max(added ? this.size - 1 : 0, ...newOffsets.keys()) + 1));
    push(crossReferenceBytes(newOffsets));
    push(Buffer.from('\n', 'latin1'));
    push(bytesOf(PDFTrailerDict.of(trailer), '\n\n'));
    push(bytesOf(PDFTrailer.forLastCrossRefSectionOffset(xrefAt), ''));
    return Buffer.concat(chunks, length);
  }
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

function bytesOf(
  object: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number },
  after: string,
): Uint8Array {
  const buffer = new Uint8Array(object.sizeInBytes() + after.length);
  const written = object.copyBytesInto(buffer, 0);
  buffer.set(Buffer.from(after, 'latin1'), written);
  return buffer;
}

function serialized(number: number, object: PDFObject): Uint8Array {
  return Buffer.concat([Buffer.from(`${number} 0 obj\n`, 'latin1'), bytesOf(object, '\nendobj\n')]);
}
