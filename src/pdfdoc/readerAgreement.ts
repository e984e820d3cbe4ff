import type { PDFContext } from '@cantoo/pdf-lib';
import { textRef, type TextRef } from '../errors/texts';
import { startxrefBefore, viewerIndex, type CrossReference, type Section, type ViewerIndex } from './crossReferences';
import { parsedObjects, type ParsedObject } from './parsedObjects';
import { revisionEnds } from './revisions';

/** Something a viewer and the verifier would read differently, in one revision (1-based). */
export interface Disagreement {
  revision: number;
  what: TextRef;
}

/**
 * Proves that the document the verifier read is the one every viewer shows. The PDF library reads a file front
 * to back and keeps the last copy of each object; a viewer follows the cross-reference table. For each revision
 * (the file cut after each %%EOF) the two must name the same copy of every object and the same catalog — else an
 * object written twice, or a table pointing at another copy, shows the reader one form and the verifier another.
 * `context` is the whole file as the library read it; `root` its catalog reference.
 */
export function readerDisagreements(pdf: Uint8Array, context: PDFContext, root: string): Disagreement[] {
  const out: Disagreement[] = [];
  const objects = parsedObjects(context);
  let from = 0;
  // the sections a later revision's chain shares with earlier ones are read once
  const sections = new Map<number, Section>();
  revisionEnds(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length)).forEach((end, i) => {
    const revision = i + 1;
    const say = (what: TextRef): number => out.push({ revision, what });
    for (const number of definedTwice(pdf, objects, from, end.to))
      say(textRef('verify.structure.definedTwice', { ref: `${number} 0` }));
    from = end.to;
    const startxref = startxrefBefore(pdf, end.from);
    let index: ViewerIndex;
    try {
      if (startxref === null) throw new Error('no startxref');
      index = viewerIndex(pdf, startxref, sections);
    } catch {
      say(textRef('verify.structure.noCrossReferences'));
      return;
    }
    if (index.root !== root) say(textRef('verify.structure.otherCatalog'));
    for (const number of differentCopies(index, lastCopies(objects, end.to)))
      say(textRef('verify.structure.otherCopy', { ref: `${number} 0` }));
  });
  return out;
}

/** What the library kept of each object number from the bytes before `end`: the last copy it read. */
function lastCopies(objects: readonly ParsedObject[], end: number): Map<number, ParsedObject> {
  const last = new Map<number, ParsedObject>();
  for (const o of objects) if (o.start < end && o.number !== 0) last.set(o.number, o);
  return last;
}

/** The objects whose copy a viewer finds (by the table) is not the copy the library kept, or that only one of them has. */
function differentCopies(index: ViewerIndex, kept: Map<number, ParsedObject>): number[] {
  const differ: number[] = [];
  for (const [number, place] of index.entries) {
    if (number === 0) continue;
    const copy = kept.get(number);
    if (!sameCopy(place, copy)) differ.push(number);
  }
  for (const number of kept.keys())
    if (!index.entries.has(number) && !index.xrefStreams.has(number)) differ.push(number);
  return differ.sort((a, b) => a - b);
}

function sameCopy(place: CrossReference, copy: ParsedObject | undefined): boolean {
  if (place.kind === 'free') return copy === undefined;
  if (!copy) return false;
  if (place.kind === 'stream') return copy.inStream === place.stream;
  return copy.inStream === null && copy.start === place.offset;
}

/**
 * The object numbers written more than once at top level within one revision's bytes, with different content:
 * which copy counts then depends on the reader (the first, the last, the table's).
 */
function definedTwice(pdf: Uint8Array, objects: readonly ParsedObject[], from: number, to: number): number[] {
  const first = new Map<number, string>();
  const twice = new Set<number>();
  for (const o of objects) {
    if (o.inStream !== null || o.start < from || o.start >= to) continue;
    const body = Buffer.from(pdf.buffer, pdf.byteOffset + o.start, o.end - o.start)
      .toString('latin1')
      .trim();
    const seen = first.get(o.number);
    if (seen === undefined) first.set(o.number, body);
    else if (seen !== body) twice.add(o.number);
  }
  return [...twice].sort((a, b) => a - b);
}
