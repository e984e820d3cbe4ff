import { signRoleFromLabel, type SignRole } from '../../domain/glossary';
import { inputError } from '../../errors/diagnostic';
import { diagnosticJson } from '../../errors/message';
import { roleList, text, textOfRef, type TextRef } from '../../errors/texts';
import { verifyPdf, type VerifyOptions, type VerifyReport } from '../../verify';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paint } from '../style';
import { documentTimestampLines, printSignatures, roleName } from './verifySigners';

export interface VerifyCommandOptions {
  json?: boolean;
  allowUnsigned?: boolean;
  allowCustomRules?: boolean;
  allowNameMismatch?: boolean;
  trust?: string[];
  /** Certificate revocation lists: files or http(s) addresses. */
  crl?: string[];
  /** Print the form again from its data and compare the pages' pixels. */
  render?: boolean;
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
    ...(options.render ? { render: true } : {}),
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
  for (const line of documentTimestampLines(report, lang)) io.out(line);
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
      timestamps: report.timestamps.map((t) => ({ ...t, problems: t.problems.map((p) => textOfRef(p, lang)) })),
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
