import {
  PDFContext,
  PDFDict,
  PDFObjectParser,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { parsedObjects, type ParsedObject } from './parsedObjects';

const HEADER = /^\s*(\d+)\s+(\d+)\s+obj\s*/;

/** The whole file's one parse: every copy it read, and which copy of each number it kept (the last read). */
export interface WholeFile {
  context: PDFContext;
  objects: readonly ParsedObject[];
  last: Map<number, ParsedObject>;
}

export function wholeFile(context: PDFContext): WholeFile {
  const objects = parsedObjects(context);
  const last = new Map<number, ParsedObject>();
  for (const o of objects) last.set(o.number, o);
  return { context, objects, last };
}

/**
 * The document as it stood at the end of one revision, read from the whole file's one parse: each object is the
 * last copy written before that revision's end, parsed from its own bytes when first looked at. Comparing two
 * revisions then reads only the objects that changed, not the whole file twice.
 */
export class RevisionView {
  readonly context = PDFContext.create();
  private readonly kept = new Map<number, ParsedObject>();
  private readonly read = new Map<number, PDFObject | null>();

  constructor(
    private readonly pdf: Uint8Array,
    objects: readonly ParsedObject[],
    /** The byte after the revision's %%EOF. */
    readonly end: number,
    /** The catalog's reference as written (`12 0 R`). */
    readonly root: string,
    /** The whole file as the library read it: a copy it kept is taken from it, not parsed again. */
    private readonly whole: WholeFile,
  ) {
    for (const o of objects) if (o.start < end && o.number !== 0) this.kept.set(o.number, o);
  }

  /** The copy of an object this revision holds: where it was written. */
  copyOf(number: number): ParsedObject | undefined {
    return this.kept.get(number);
  }

  numbers(): IterableIterator<number> {
    return this.kept.keys();
  }

  /** A reference resolved to its object in this revision (anything else returned as it is). */
  lookup(object: PDFObject | undefined): PDFObject | undefined {
    return object instanceof PDFRef ? (this.object(object.objectNumber) ?? undefined) : object;
  }

  /** The object of that number in this revision, parsed once; null when there is none or it cannot be read. */
  object(number: number): PDFObject | null {
    const known = this.read.get(number);
    if (known !== undefined) return known;
    let object: PDFObject | null = null;
    const copy = this.kept.get(number);
    try {
      if (copy && this.whole.last.get(number) === copy)
        object = this.whole.context.lookup(PDFRef.of(copy.number, copy.generation)) ?? null;
      else if (copy) object = copy.inStream === null ? this.parseAt(copy) : this.parseMember(copy);
    } catch {
      object = null;
    }
    this.read.set(number, object);
    return object;
  }

  /** The catalog of this revision. */
  catalog(): PDFDict | undefined {
    const number = Number(this.root.split(' ')[0]);
    const catalog = this.object(number);
    return catalog instanceof PDFDict ? catalog : undefined;
  }

  private parseAt(copy: ParsedObject): PDFObject {
    return parseCopy(this.pdf, copy, this.context);
  }

  /** An object kept in an object stream: the stream (as this revision holds it) read into a context of its own. */
  private parseMember(copy: ParsedObject): PDFObject | null {
    const container = this.kept.get(copy.inStream ?? -1);
    if (!container || container.start !== copy.start) return null;
    const stream = this.parseAt(container);
    if (!(stream instanceof PDFRawStream)) return null;
    const scratch = PDFContext.create();
    const copied = PDFRawStream.of(stream.dict.clone(scratch), stream.contents);
    // the members are assigned synchronously when nothing asks the parser to wait
    void PDFObjectStreamParser.forStream(copied).parseIntoContext();
    return scratch.lookup(PDFRef.of(copy.number, 0)) ?? null;
  }
}

/** One top-level copy of an object, parsed from its own bytes into `context`. */
export function parseCopy(pdf: Uint8Array, copy: ParsedObject, context: PDFContext): PDFObject {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset + copy.start, Math.min(64, copy.end - copy.start));
  const header = HEADER.exec(text.toString('latin1'));
  if (!header) throw new Error(`object ${copy.number} has no header`);
  const body = pdf.subarray(copy.start + header[0].length, copy.end);
  return PDFObjectParser.forBytes(body, context).parseObject(PDFRef.of(copy.number, copy.generation));
}

/** An object's bytes as the library writes it: two copies with the same bytes say the same thing. */
export function bytesOf(object: PDFObject): string {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return Buffer.from(buffer).toString('latin1');
}

/** The dictionary of a dictionary or stream object. */
export function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  return object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
}
