/**
 * Damaged signed forms: byte flips, deletions, truncations, broken cross-reference data and an embedded
 * JSON without its result, each given to `verify` and to `sign`. Either may refuse (an input error with its
 * reason) or succeed; neither may crash. Used by npm test (a sample) and by `npm run fuzz:pdf` (5,000+).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputError } from '../src/errors/diagnostic';
import { verifyPdf } from '../src/verify';
import { signPdf } from '../src/sign/sign';
import { rng } from './generate';

export interface PdfFuzzTally {
  cases: number;
  /** verify or sign threw something that is not an input error (a bug: exit 2). */
  crashes: number;
  refused: number;
  verified: number;
  signed: number;
  examples: string[];
  byKind: Record<string, number>;
}

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;

const at = (r: () => number, n: number): number => Math.floor(r() * n);

/** Where the cross-reference data is: the last startxref and the offset it names, and every "xref" keyword. */
function xrefPlaces(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes).toString('latin1');
  const places: number[] = [];
  for (const word of [
    'startxref',
    'xref',
    '/ByteRange',
    '/Contents',
    'trailer',
    '/Root',
    '/Size',
    '/Prev',
    'endobj',
    'stream',
  ]) {
    let i = text.indexOf(word);
    while (i >= 0) {
      places.push(i);
      i = text.indexOf(word, i + 1);
    }
  }
  return places;
}

export const MUTATIONS: Record<string, Mutation> = {
  flip(bytes, r) {
    const out = Uint8Array.from(bytes);
    const n = 1 + at(r, 8);
    for (let k = 0; k < n; k++) {
      const i = at(r, out.length);
      out[i] = (out[i] ?? 0) ^ (1 << at(r, 8));
    }
    return out;
  },
  delete(bytes, r) {
    const start = at(r, bytes.length);
    const length = 1 + at(r, 2000);
    return Uint8Array.from([...bytes.subarray(0, start), ...bytes.subarray(start + length)]);
  },
  truncate(bytes, r) {
    return bytes.subarray(0, at(r, bytes.length));
  },
  xref(bytes, r) {
    const places = xrefPlaces(bytes);
    const out = Uint8Array.from(bytes);
    const place = places[at(r, places.length)] ?? at(r, out.length);
    // garble a few bytes at or just after a structural keyword: offsets, counts, names
    for (let k = 0; k < 1 + at(r, 6); k++) {
      const i = Math.min(out.length - 1, place + at(r, 24));
      out[i] = '0123456789 /<>[]\nRx'.charCodeAt(at(r, 19));
    }
    return out;
  },
};

/** Runs `count` damaged copies of each base PDF through verify and sign. */
export async function fuzzPdfs(
  bases: { name: string; bytes: Uint8Array }[],
  signer: { p12: Uint8Array; password: string },
  count: number,
  seed: number,
): Promise<PdfFuzzTally> {
  const r = rng(seed);
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-fuzz-pdf-'));
  const tally: PdfFuzzTally = { cases: 0, crashes: 0, refused: 0, verified: 0, signed: 0, examples: [], byKind: {} };
  const kinds = Object.keys(MUTATIONS);
  try {
    for (let i = 0; i < count; i++) {
      const base = bases[i % bases.length]!;
      const kind = kinds[at(r, kinds.length)]!;
      const bytes = MUTATIONS[kind]!(base.bytes, r);
      const file = path.join(dir, `case-${i % 50}.pdf`);
      writeFileSync(file, bytes);
      tally.cases++;
      tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1;
      const attempt = async (what: string, work: () => Promise<unknown>): Promise<void> => {
        try {
          await work();
          if (what === 'verify') tally.verified++;
          else tally.signed++;
        } catch (error) {
          if (error instanceof InputError) {
            tally.refused++;
            return;
          }
          tally.crashes++;
          if (tally.examples.length < 8)
            tally.examples.push(
              `${what} ${base.name} ${kind} #${i}: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
      };
      await attempt('verify', () => verifyPdf(file));
      await attempt('sign', () =>
        signPdf({
          pdf: bytes,
          file,
          p12: signer.p12,
          p12File: 'fuzz.p12',
          password: signer.password,
          role: 'reviewer',
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tally;
}
