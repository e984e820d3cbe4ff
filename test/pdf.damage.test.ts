import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFContext, PDFObjectParser } from '@cantoo/pdf-lib';
import { fuzzBases } from '../scripts/fuzzPdfBases';
import { verifyPdf } from '../src/verify';
import { signPdf } from '../src/sign/sign';
import '../src/pdfdoc/pdfParserLimits';
import { CLEAN, tempDir } from './helpers';

// A signed form damaged inside its signature's zero padding, or cut short: verify and sign answer, and say why.

const dir = tempDir('jixiao-damage-');
let signed: Uint8Array;
let signer: { p12: Uint8Array; password: string };
beforeAll(async () => {
  const made = await fuzzBases(CLEAN);
  signed = made.bases.find((b) => b.name === 'signed')!.bytes;
  signer = made.signer;
}, 60_000);

/** Where the signature's zero padding is: the longest run of ASCII zeros in the file. */
function zeroRun(bytes: Uint8Array): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] !== 0x30) {
      i++;
      continue;
    }
    let j = i;
    while (bytes[j] === 0x30) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  return best;
}

const readInt = (text: string): number =>
  (
    PDFObjectParser.forBytes(Buffer.from(text, 'latin1'), PDFContext.create()) as unknown as { parseRawInt(): number }
  ).parseRawInt();

describe('the PDF reader on damaged forms', () => {
  test('integers are read as before, and a run of digits longer than any real one is refused unread', () => {
    expect(readInt('12 0 obj')).toBe(12);
    expect(readInt('0000012345 00000 n')).toBe(12345);
    expect(readInt(`${'9'.repeat(32)} `)).toBe(Number('9'.repeat(32)));
    expect(() => readInt(`${'0'.repeat(16_000)} `)).toThrow(/more than 32 digits/);
  });

  test('an object header cut off from its signature: verify reports on the form instead of rereading the zeros at every byte', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const contents = text.lastIndexOf('/Contents <');
    const header = /(\d+) 0 obj\s*$/.exec(text.slice(0, text.lastIndexOf(' 0 obj', contents) + ' 0 obj'.length))!;
    expect(zeroRun(signed).length).toBeGreaterThan(4_000);
    // "N 0 " is left, then the signature's hex from its middle on: loose digits and its long run of zeros
    const from = header.index + header[1]!.length + ' 0 '.length;
    const damaged = Buffer.concat([signed.subarray(0, from), signed.subarray(contents + 400)]);
    const file = path.join(dir, 'deleted.pdf');
    writeFileSync(file, damaged);
    const report = await verifyPdf(file);
    expect(report.ok).toBe(false);
  });

  test('a form cut short is said to be incomplete, by verify and by sign', async () => {
    const run = zeroRun(signed);
    const file = path.join(dir, 'cut.pdf');
    const cut = signed.subarray(0, run.start + Math.floor(run.length / 2));
    writeFileSync(file, cut);
    const report = await verifyPdf(file);
    expect(report.ok).toBe(false);
    expect(report.embedded.problems.map((p) => p.code)).toEqual(['PDF_TRUNCATED']);
    await expect(
      signPdf({
        pdf: cut,
        file,
        p12: signer.p12,
        p12File: 'reviewer.p12',
        password: signer.password,
        role: 'reviewer',
      }),
    ).rejects.toMatchObject({ diagnostics: [{ code: 'PDF_TRUNCATED' }] });
  });
});
