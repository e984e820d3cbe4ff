import { PDFObjectStreamParser, PDFParser, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';

/**
 * One object as the PDF library read it: where its `N G obj` starts and its `endobj` ends, or, for an object
 * kept inside an object stream, the number of that stream (and the stream's place in the file).
 */
export interface ParsedObject {
  number: number;
  generation: number;
  start: number;
  end: number;
  /** The object stream it was read from, or null for an object written at top level. */
  inStream: number | null;
}

/**
 * Every object the library read, in the order it read them. The library reads a file front to back and keeps
 * the last copy of each number, whatever the cross-reference table says; a viewer follows the table. Knowing
 * where each kept copy came from lets the verifier prove both read the same document.
 */
const parsed = new WeakMap<PDFContext, ParsedObject[]>();

export function parsedObjects(context: PDFContext): readonly ParsedObject[] {
  return parsed.get(context) ?? [];
}

interface ParsingSteps {
  context: PDFContext;
  bytes: { offset(): number };
  skipWhitespaceAndComments(): void;
  parseIndirectObject(): Promise<PDFRef>;
  tryToParseInvalidIndirectObject(): PDFRef | undefined;
}

interface StreamParsing {
  context: PDFContext;
  parseOffsetsAndObjectNumbers(): { objectNumber: number; offset: number }[];
}

function listOf(context: PDFContext): ParsedObject[] {
  let list = parsed.get(context);
  if (!list) parsed.set(context, (list = []));
  return list;
}

/** The members of the object stream being read, named before the stream itself is assigned its number. */
const pendingMembers = new WeakMap<PDFContext, number[]>();

const steps = PDFParser.prototype as unknown as ParsingSteps;
const streams = PDFObjectStreamParser.prototype as unknown as StreamParsing;
for (const name of ['parseIndirectObject', 'tryToParseInvalidIndirectObject', 'skipWhitespaceAndComments'] as const)
  if (typeof steps[name] !== 'function') throw new Error(`pdf-lib: PDFParser.${name} not found (the library changed)`);
if (typeof streams.parseOffsetsAndObjectNumbers !== 'function')
  throw new Error('pdf-lib: PDFObjectStreamParser.parseOffsetsAndObjectNumbers not found (the library changed)');

const readStreamMembers = streams.parseOffsetsAndObjectNumbers;
streams.parseOffsetsAndObjectNumbers = function recordedMembers(this: StreamParsing) {
  const members = readStreamMembers.call(this);
  pendingMembers.set(
    this.context,
    members.map((m) => m.objectNumber),
  );
  return members;
};

/** Records one top-level object (and any members of it, when it is an object stream) after the library read it. */
function record(parser: ParsingSteps, ref: PDFRef | undefined, start: number): void {
  const members = pendingMembers.get(parser.context) ?? [];
  pendingMembers.delete(parser.context);
  if (!ref) return;
  const end = parser.bytes.offset();
  const list = listOf(parser.context);
  // the library assigns a stream's members before the stream itself: the same order here
  for (const number of members) list.push({ number, generation: 0, start, end, inStream: ref.objectNumber });
  list.push({ number: ref.objectNumber, generation: ref.generationNumber, start, end, inStream: null });
}

const readObject = steps.parseIndirectObject;
steps.parseIndirectObject = async function recordedObject(this: ParsingSteps): Promise<PDFRef> {
  this.skipWhitespaceAndComments();
  const start = this.bytes.offset();
  pendingMembers.delete(this.context);
  const ref = await readObject.call(this);
  record(this, ref, start);
  return ref;
};

const readInvalid = steps.tryToParseInvalidIndirectObject;
steps.tryToParseInvalidIndirectObject = function recordedInvalid(this: ParsingSteps): PDFRef | undefined {
  this.skipWhitespaceAndComments();
  const start = this.bytes.offset();
  pendingMembers.delete(this.context);
  const ref = readInvalid.call(this);
  record(this, ref, start);
  return ref;
};
