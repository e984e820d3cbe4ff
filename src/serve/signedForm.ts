import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { roleList, text } from '../errors/texts';
import { isFormRole, ROLES, type Role } from '../domain/glossary';
import { sha256Hex } from '../pipeline';
import { verifyPdf } from '../verify';

/** Where a form's signatures are: the signed PDF beside its actuals file, and how far the sign-off has come. */
export interface SigningStatus {
  /** The signed PDF's absolute path, or null when nobody has signed yet. */
  pdf: string | null;
  signed: Role[];
  waiting: Role[];
  /** The signed PDF embeds the actuals file as it is now; false once the form was edited after a signature. */
  current: boolean;
  /** 「已签：填表人；待签：审核人、单位负责人、单位盖章」, in the page's language. */
  text: string;
}

const stemOf = (actuals: string): string => actuals.replace(/(\.actuals)?\.ya?ml$/i, '');

/** The PDF the web page signs into: `project.actuals.yaml` → `project.signed.pdf`, as the demo names its signed form. */
export function signedPdfPathFor(actuals: string): string {
  return `${stemOf(actuals)}.signed.pdf`;
}

function statusText(signed: readonly Role[], waiting: readonly Role[], current: boolean, lang: Lang): string {
  const parts: string[] = [];
  if (signed.length === 0) parts.push(text('serve.sign.none', lang, { waiting: roleList(waiting, lang) }));
  else if (waiting.length === 0) parts.push(text('serve.sign.all', lang, { signed: roleList(signed, lang) }));
  else parts.push(text('serve.sign.some', lang, { signed: roleList(signed, lang), waiting: roleList(waiting, lang) }));
  if (!current) parts.push(text('serve.sign.stale', lang));
  return parts.join(text('term.listSeparator', lang));
}

/**
 * How far a form's sign-off has come. The signed PDF is the first of `<name>.signed.pdf` and `<name>.pdf` beside
 * the actuals file that carries a valid signature; its roles are what verify reads from it, its data compared
 * with the file on disk byte for byte, so a form edited after a signature says so instead of counting as signed.
 */
export async function signingStatus(actuals: string, lang: Lang): Promise<SigningStatus> {
  const current = sha256Hex(readFileSync(actuals, 'utf8'));
  for (const pdf of [signedPdfPathFor(actuals), `${stemOf(actuals)}.pdf`]) {
    if (!existsSync(pdf)) continue;
    try {
      const report = await verifyPdf(pdf, { allowUnsigned: true });
      if (!report.signatures.some((s) => s.valid)) continue;
      // the page's forms are signed in a form's roles
      const signed = report.roles.signed.filter(isFormRole);
      const waiting = report.roles.required.filter(isFormRole).filter((r) => !signed.includes(r));
      const isCurrent = report.embedded.actualsSha256 === current;
      return { pdf, signed, waiting, current: isCurrent, text: statusText(signed, waiting, isCurrent, lang) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return { pdf: null, signed: [], waiting: [...ROLES], current: true, text: statusText([], ROLES, true, lang) };
}
