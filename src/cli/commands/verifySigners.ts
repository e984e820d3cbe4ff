import Table from 'cli-table3';
import { REVIEW_ROLES, ROLES, type SignRole } from '../../domain/glossary';
import { text, textOf, type TextKey } from '../../errors/texts';
import { beijingDateTime } from '../../pipeline';
import type { VerifyReport } from '../../verify';
import type { OutputMode } from '../exitCodes';
import type { Io } from '../io';

// How verify shows who signed: the table of signatures, each signer's certificate and chain, its time stamp,
// and the document timestamps after them.

export const yes = (v: boolean): string => (v ? '✓' : '✗');
/** The table a reader needs; --details adds how each signature was checked, in plain words too. */
const COLUMNS: TextKey[] = [
  'verify.col.index',
  'verify.col.role',
  'verify.col.signer',
  'verify.col.issuer',
  'verify.col.time',
  'verify.col.valid',
  'verify.col.identity',
];
const DETAIL_COLUMNS: TextKey[] = [
  'verify.col.range',
  'verify.col.digest',
  'verify.col.signature',
  'verify.col.certificate',
  'verify.col.revision',
  'verify.col.after',
];

/** ✓ trusted, ✗ not, ? when no trusted root was given. */
const trustMark = (trusted: boolean | null): string => (trusted === null ? '?' : yes(trusted));

/** A signature's role as the reader names it. */
export const roleName = (role: string | null, lang: OutputMode['lang']): string =>
  ([...ROLES, ...REVIEW_ROLES] as readonly (string | null)[]).includes(role)
    ? text(`role.${role as SignRole}`, lang)
    : text('verify.role.unknown', lang);

/** Each signature: a row of the table, then who the signer is (fingerprint, chain), what it certifies, its time stamp. */
export function printSignatures(report: VerifyReport, details: boolean, io: Io, lang: OutputMode['lang']): void {
  const table = new Table({
    head: [...COLUMNS, ...(details ? DETAIL_COLUMNS : [])].map((c) => textOf(c, lang)),
    style: { head: [], border: [] },
  });
  for (const s of report.signatures) {
    const row = [
      s.index,
      roleName(s.role, lang),
      s.signer,
      s.issuer,
      beijingDateTime(s.signingTime, lang),
      yes(s.valid),
      trustMark(s.trust.trusted),
    ];
    table.push(
      details
        ? [
            ...row,
            yes(s.rangeValid),
            yes(s.digestValid),
            yes(s.signatureValid),
            yes(s.certificateValidAtSigning),
            s.revision || '—',
            s.bytesAfter,
          ]
        : row,
    );
  }
  io.out(table.toString());
  // who each signer is: the certificate's fingerprint (to compare with what the signer says it is) and its chain
  for (const s of report.signatures) for (const line of signerLines(s, lang)) io.out(line);
}

/** One signer's lines: certificate fingerprint and chain, what the signature certifies, its time stamp. */
function signerLines(s: VerifyReport['signatures'][number], lang: OutputMode['lang']): string[] {
  const lines: string[] = [];
  const chain = s.trust.chain
    .map((link) => `${link.name}${link.anchor ? text('verify.chain.anchor', lang) : ''}`)
    .join(' ← ');
  lines.push(
    text('verify.signer', lang, {
      index: s.index,
      signer: s.signer,
      test: s.testCertificate ? text('verify.signer.test', lang) : '',
      fingerprint: s.fingerprint,
      chain: chain || '—',
    }),
  );
  if (s.certifies !== null)
    lines.push(
      text('verify.certifies', lang, {
        level: s.certifies,
        allows: text(
          s.certifies === 1 ? 'verify.certifies.1' : s.certifies === 3 ? 'verify.certifies.3' : 'verify.certifies.2',
          lang,
        ),
      }),
    );
  const stamp = s.timestamp;
  if (stamp)
    lines.push(
      text('verify.timestamp', lang, {
        time: beijingDateTime(stamp.time, lang),
        authority: stamp.authority,
        state: !stamp.valid
          ? text('verify.timestamp.invalid', lang)
          : stamp.trusted === false
            ? text('verify.timestamp.untrusted', lang)
            : '',
      }),
    );
  return lines;
}

/** Each document timestamp (`jixiao ltv`): when the whole file is proven to exist, and by whom. */
export function documentTimestampLines(report: VerifyReport, lang: OutputMode['lang']): string[] {
  return report.timestamps.map((t) =>
    text('verify.documentTimestamp', lang, {
      index: t.index,
      time: t.time ? beijingDateTime(t.time, lang) : '—',
      authority: t.authority || '—',
      state: !t.valid
        ? text('verify.timestamp.invalid', lang)
        : t.trusted === false
          ? text('verify.timestamp.untrusted', lang)
          : '',
    }),
  );
}
