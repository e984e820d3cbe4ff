import { PDFDocument } from '@cantoo/pdf-lib';
import { startxrefBefore, viewerIndex } from '../src/pdfdoc/crossReferences';

/** One object of a hand-written revision: its number, its body (between `obj` and `endobj`), listed in the table or not. */
export interface RawObject {
  number: number;
  body: Buffer | string;
  listed?: boolean;
}

/**
 * Appends a revision written by hand, byte for byte, as an adversary's tool would: the objects in the order
 * given (the same number may be written twice), a classic cross-reference table naming only those `listed`
 * (the first copy of a number, unless said otherwise), and a trailer chained to the file's last table.
 */
export function appendRevision(pdf: Buffer, objects: RawObject[], trailerExtra = ''): Buffer {
  const prev = startxrefBefore(pdf, pdf.length);
  if (prev === null) throw new Error('no startxref');
  const index = viewerIndex(pdf, prev);
  const chunks: Buffer[] = [pdf, Buffer.from('\n')];
  let length = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const o of objects) {
    const bytes = Buffer.concat([
      Buffer.from(`${o.number} 0 obj\n`, 'latin1'),
      Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, 'latin1'),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    if (o.listed ?? !offsets.has(o.number)) offsets.set(o.number, length);
    chunks.push(bytes);
    length += bytes.length;
  }
  const xrefAt = length;
  const lines = ['xref', '0 1', '0000000000 65535 f '];
  for (const [number, offset] of [...offsets].sort((a, b) => a[0] - b[0]))
    lines.push(`${number} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
  const size = Math.max(...index.entries.keys(), ...offsets.keys()) + 1;
  lines.push(
    'trailer',
    `<< /Size ${size} /Root ${index.root ?? ''} /Prev ${prev} ${trailerExtra}>>`,
    'startxref',
    String(xrefAt),
    '%%EOF',
    '',
  );
  chunks.push(Buffer.from(lines.join('\n'), 'latin1'));
  return Buffer.concat(chunks);
}

/** An object's bytes exactly as the file's newest table places them, from `N 0 obj` to `endobj` (exclusive). */
export function objectBody(pdf: Buffer, number: number): Buffer {
  const prev = startxrefBefore(pdf, pdf.length);
  const place = prev === null ? undefined : viewerIndex(pdf, prev).entries.get(number);
  if (place?.kind !== 'offset') throw new Error(`object ${number} is not at an offset`);
  const header = /^\d+\s+\d+\s+obj\s*/.exec(pdf.subarray(place.offset, place.offset + 32).toString('latin1'));
  const end = pdf.indexOf('endobj', place.offset);
  return pdf.subarray(place.offset + (header?.[0].length ?? 0), end);
}

/** A stream object's body, its content written uncompressed. */
export function streamBody(content: string, dict = ''): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} ${dict}>>\nstream\n${content}\nendstream`;
}

/** The first page's object number and its content stream's, as pdf-lib reads the file. */
export async function firstPage(pdf: Buffer): Promise<{ page: number; contents: number; doc: PDFDocument }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(0);
  const contents = page.node.get(page.node.context.obj('Contents'));
  const ref = /^(\d+) 0 R$/.exec(String(contents ?? ''));
  if (!ref) throw new Error('the first page has no single content stream');
  return { page: page.ref.objectNumber, contents: Number(ref[1]), doc };
}
