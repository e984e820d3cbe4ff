import type { SignRole } from '../domain/glossary';
import { messageOf } from '../errors/message';
import type { Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { roleList, text, textOf, textOfRef, type TextKey, type TextRef } from '../errors/texts';

/** What the table needs of a verify report (pipeline's VerifyReport has it all). */
export interface VerifiedForm {
  file: string;
  ok: boolean;
  intact: boolean;
  identityVerified: boolean;
  reasons: TextRef[];
  identityReasons: TextRef[];
  roles: { signed: SignRole[]; missing: SignRole[] };
  embedded: { department: string; project: string; total: string | null; grade: string | null };
}

/** Where a form stands after verify, from best to worst. */
export type VerifyVerdict = 'verified' | 'rolesMissing' | 'identityUnverified' | 'failed';

/** One signed form in a year's table: whose it is, what it scores, who signed, and whether it holds. */
export interface VerifySummaryRow {
  file: string;
  department: string;
  project: string;
  total: string;
  grade: string;
  signed: SignRole[];
  missing: SignRole[];
  verdict: VerifyVerdict;
  /** Why it does not hold (the first reason; all of them are in a single file's report). */
  reason: string;
}

export function summaryRow(report: VerifiedForm, lang: Lang): VerifySummaryRow {
  const e = report.embedded;
  const verdict: VerifyVerdict = report.ok
    ? 'verified'
    : !report.intact
      ? 'failed'
      : !report.identityVerified
        ? 'identityUnverified'
        : 'rolesMissing';
  const first =
    verdict === 'failed' ? report.reasons[0] : verdict === 'identityUnverified' ? report.identityReasons[0] : undefined;
  return {
    file: report.file,
    department: e.department,
    project: e.project,
    total: e.total ?? '',
    grade: e.grade ?? '',
    signed: report.roles.signed,
    missing: report.roles.missing,
    verdict,
    reason: first ? textOfRef(first, lang) : '',
  };
}

/** A file verify could not even open (missing, not a file): a row that says so. */
export function unreadableRow(file: string, problems: readonly Diagnostic[], lang: Lang): VerifySummaryRow {
  return {
    file,
    department: '',
    project: '',
    total: '',
    grade: '',
    signed: [],
    missing: [],
    verdict: 'failed',
    reason: problems.map((p) => messageOf(p, lang)).join('；'),
  };
}

const HEADERS: TextKey[] = [
  'verify.many.file',
  'verify.many.department',
  'verify.many.project',
  'verify.many.total',
  'verify.many.grade',
  'verify.many.signed',
  'verify.many.verdict',
];

export function summaryHeaders(lang: Lang): string[] {
  return HEADERS.map((h) => textOf(h, lang));
}

/** A row's cells in the order of the headers, in the reader's language. */
export function summaryCells(row: VerifySummaryRow, lang: Lang): string[] {
  const signed = row.signed.length > 0 ? roleList(row.signed, lang) : text('verify.many.nobody', lang);
  const verdict =
    row.verdict === 'verified'
      ? text('verify.many.verified', lang)
      : row.verdict === 'rolesMissing'
        ? text('verify.many.rolesMissing', lang, { missing: roleList(row.missing, lang) })
        : row.verdict === 'identityUnverified'
          ? text('verify.many.identity', lang, { reason: row.reason })
          : text('verify.many.failed', lang, { reason: row.reason });
  return [row.file, row.department, row.project, row.total, row.grade, signed, verdict];
}
