import { PDFArray, PDFHexString, PDFName, PDFNumber, type PDFContext } from '@cantoo/pdf-lib';

/** Room left for the CMS signature in /Contents (bytes): a 2048-bit RSA signature with a short chain fits well. */
export const SIGNATURE_ROOM = 16_384;
export const BYTE_RANGE_PLACEHOLDER = '**********';

/** A signature dictionary's /ByteRange and /Contents before the bytes they cover exist: filled in by `fillPlaceholder`. */
export function placeholderEntries(context: PDFContext): { ByteRange: PDFArray; Contents: PDFHexString } {
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  return { ByteRange: byteRange, Contents: PDFHexString.of('0'.repeat(SIGNATURE_ROOM * 2)) };
}

/**
 * Writes the byte range into the placeholder of the newest revision (the one after `previousLength`), then the
 * value `contents` makes of the bytes it covers (a CMS signature, a timestamp token) into its /Contents.
 */
export async function fillPlaceholder(
  pdf: Buffer,
  previousLength: number,
  contents: (covered: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  // as @cantoo/pdf-lib writes the placeholder array
  const placeholder = `/ByteRange [ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`;
  const rangeAt = pdf.indexOf(placeholder, previousLength);
  if (rangeAt < 0) throw new Error('signature placeholder not found');
  const contentsAt = pdf.indexOf('/Contents <', previousLength);
  const start = contentsAt + '/Contents '.length; // the '<'
  const end = pdf.indexOf('>', start) + 1; // after the '>'
  const range = [0, start, end, pdf.length - end];
  const written = `/ByteRange [${range.join(' ')}]`;
  if (written.length > placeholder.length) throw new Error('byte range does not fit its placeholder');
  pdf.write(written.padEnd(placeholder.length, ' '), rangeAt, 'latin1');
  const hex = (await contents(Buffer.concat([pdf.subarray(0, start), pdf.subarray(end)]))).toString('hex');
  if (hex.length > end - start - 2) throw new Error('signature does not fit its placeholder');
  pdf.write(hex, start + 1, 'latin1');
  return pdf;
}

/**
 * A byte range as a signature's must be: from the file's start, skipping exactly one hex string (`<` … `>`, the
 * /Contents), ending inside the file.
 */
export function wellFormedRange(pdf: Buffer, range: readonly number[]): boolean {
  const [a = -1, b = 0, c = 0, d = 0] = range;
  return a === 0 && b > 0 && c > b && c + d <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
}

/** The value a signature's /Contents holds, from the gap its byte range leaves (hex between `<` and `>`). */
export function contentsOf(pdf: Buffer, range: readonly number[]): Buffer {
  const [, b = 0, c = 0] = range;
  const hex = pdf
    .subarray(b + 1, c - 1)
    .toString('latin1')
    .replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not hex');
  return Buffer.from(hex, 'hex');
}
