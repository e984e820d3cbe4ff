import { REVIEW_ROLES, ROLES, signRoleFromLabel, type SignRole } from '../../domain/glossary';
import { inputError } from '../../errors/diagnostic';
import Table from 'cli-table3';
import { diagnosticJson } from '../../errors/message';
import { roleList, text, textOf, textOfRef, type TextKey, type TextRef } from '../../errors/texts';
import { beijingDateTime } from '../../pipeline';
import { verifyPdf, type VerifyOptions, type VerifyReport } from '../../verify';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paint } from '../style';

const yes = (v: boolean): string => (v ? '✓' : '✗');
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

export interface VerifyCommandOptions {
  json?: boolean;
  allowUnsigned?: boolean;
  allowCustomRules?: boolean;
  allowNameMismatch?: boolean;
  trust?: string[];
  /** Certificate revocation lists: files or http(s) addresses. */
  crl?: string[];
  /** 填表人,审核人 …: the roles this check requires. */
  roles?: string;
  /** Every check of every signature, one column each. */
  details?: boolean;
}

/** The roles named by --roles (Chinese labels or ids, comma-separated), or a usage error naming the one not known. */
function requiredRoles(list: string | undefined): SignRole[] | undefined {
  if (list === undefined) return undefined;
  return list
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((name) => {
      const role = signRoleFromLabel(name);
      if (!role) throw inputError('UNKNOWN_ROLE', { role: name });
      return role;
    });
}

/** What the command line's options ask of verify, for one file or many. */
export function verifyOptionsOf(options: VerifyCommandOptions): VerifyOptions {
  const roles = requiredRoles(options.roles);
  return {
    ...(options.allowUnsigned ? { allowUnsigned: true } : {}),
    ...(options.allowCustomRules ? { allowCustomRules: true } : {}),
    ...(options.allowNameMismatch ? { allowNameMismatch: true } : {}),
    ...(roles ? { requiredRoles: roles } : {}),
    trust: options.trust ?? [],
    crl: options.crl ?? [],
  };
}

/** The exit code of a report: 0 核验通过; 4 intact but an identity unverified; 1 anything else (roles still to sign too). */
const exitOf = (report: { ok: boolean; intact: boolean; identityVerified: boolean }): number =>
  report.ok ? EXIT.ok : report.intact && !report.identityVerified ? EXIT.unverifiedIdentity : EXIT.input;

/** 「4 个角色中已签 1 个（缺：审核人、单位负责人、单位盖章）」. */
function rolesText(
  roles: { required: SignRole[]; signed: SignRole[]; missing: SignRole[] },
  lang: OutputMode['lang'],
): string {
  if (roles.required.length === 0) return text('verify.roles.none', lang);
  const signed = roles.required.filter((r) => roles.signed.includes(r));
  if (roles.missing.length === 0)
    return text('verify.roles.all', lang, { total: roles.required.length, signed: roleList(signed, lang) });
  return text('verify.roles.some', lang, {
    total: roles.required.length,
    count: signed.length,
    missing: roleList(roles.missing, lang),
  });
}

/** A signature's role as the reader names it. */
const roleName = (role: string | null, lang: OutputMode['lang']): string =>
  ([...ROLES, ...REVIEW_ROLES] as readonly (string | null)[]).includes(role)
    ? text(`role.${role as SignRole}`, lang)
    : text('verify.role.unknown', lang);

/** Each signature: a row of the table, then who the signer is (fingerprint, chain), what it certifies, its time stamp. */
function printSignatures(report: VerifyReport, details: boolean, io: Io, lang: OutputMode['lang']): void {
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

/**
 * `jixiao verify signed.pdf [--trust ca.pem …] [--json]`: exit 0 only when every check holds and every signer's
 * certificate leads to a trusted root; 4 when the file is intact but who signed it is not verified.
 */
export async function verifyCommand(
  file: string,
  options: VerifyCommandOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const { lang } = mode;
  const report = await verifyPdf(file, verifyOptionsOf(options));
  if (options.json) {
    io.out(reportJson(report, lang));
    return exitOf(report);
  }
  io.out(text('verify.summary', lang, { file, revisions: report.revisions, signatures: report.signatures.length }));
  // a re-saved file's signature table is all ✗ and blanks: the one reason below says it plainly
  if (report.signatures.length > 0 && (!report.resaved || options.details))
    printSignatures(report, options.details === true, io, lang);
  const e = report.embedded;
  if (e.found) for (const line of embeddedLines(e, lang, report.kind)) io.out(line);
  printDiagnostics(io, mode, e.problems);
  if (options.allowCustomRules && e.ruleSetDifferences.length > 0)
    io.out(
      paint(
        text('verify.customRules', lang, { id: e.ruleSet, differences: e.ruleSetDifferences.join('；') }),
        'warning',
        io.colour,
      ),
    );
  printVerdict(report, io, lang);
  return exitOf(report);
}

/** The report as JSON: every text said in the reader's language. */
function reportJson(report: VerifyReport, lang: OutputMode['lang']): string {
  return JSON.stringify(
    {
      ...report,
      signatures: report.signatures.map((s) => ({
        ...s,
        roleLabel: roleName(s.role, lang),
        problems: s.problems.map((p) => textOfRef(p, lang)),
      })),
      embedded: { ...report.embedded, problems: report.embedded.problems.map((p) => diagnosticJson(p, lang)) },
      reasons: report.reasons.map((r) => textOfRef(r, lang)),
      identityReasons: report.identityReasons.map((r) => textOfRef(r, lang)),
    },
    (key, value: unknown) =>
      key === 'trust' && value && typeof value === 'object'
        ? {
            ...(value as object),
            problems: (value as { problems: TextRef[] }).problems.map((p) => textOfRef(p, lang)),
          }
        : value,
    2,
  );
}

/** The embedded data's version, rule set and hashes, and the re-score against the stated total. */
function embeddedLines(e: VerifyReport['embedded'], lang: OutputMode['lang'], kind: VerifyReport['kind']): string[] {
  const lines: string[] = [];
  // a 复核报告: its data and hash; it has no score of its own to reproduce
  if (kind === 'review')
    return [
      text('verify.embedded.review', lang, {
        version: e.jixiaoVersion,
        ruleSet: e.ruleSet,
        hashes: text(e.hashesMatch ? 'verify.hashes.match' : 'verify.hashes.differ', lang),
      }),
    ];
  lines.push(
    text('verify.embedded', lang, {
      version: e.jixiaoVersion,
      ruleSet: e.ruleSet,
      hashes: text(e.hashesMatch ? 'verify.hashes.match' : 'verify.hashes.differ', lang),
    }),
  );
  const verdict = e.rescoreMatches
    ? text('verify.rescore.same', lang)
    : text('verify.rescore.differs', lang, { fields: e.differences.join(', ') });
  lines.push(
    text('verify.rescore', lang, {
      total: e.total ?? '—',
      grade: e.grade ? text('verify.rescore.grade', lang, { grade: e.grade }) : '',
      rescored: e.rescoredTotal ?? '—',
      verdict,
    }),
  );
  return lines;
}

/** The roles, then the verdict: 核验通过, the missing roles, the unverified identities, or each reason it fails. */
function printVerdict(report: VerifyReport, io: Io, lang: OutputMode['lang']): void {
  const rolesLine = rolesText(report.roles, lang);
  io.out(rolesLine);
  if (report.ok)
    io.out(
      paint(
        text(
          report.signatures.length === 0
            ? 'verify.okUnsigned'
            : report.kind === 'review'
              ? 'verify.okReview'
              : 'verify.ok',
          lang,
        ),
        'info',
        io.colour,
      ),
    );
  else if (report.intact && report.identityVerified)
    io.out(paint(text('verify.rolesMissing', lang, { roles: rolesLine }), 'error', io.colour));
  else if (report.intact)
    for (const r of report.identityReasons)
      io.out(paint(text('verify.unverifiedIdentity', lang, { reason: textOfRef(r, lang) }), 'warning', io.colour));
  else
    for (const r of report.reasons)
      io.out(paint(text('verify.failed', lang, { reason: textOfRef(r, lang) }), 'error', io.colour));
}
