import { REVIEW_ROLES, type ReviewRole, type SignRole } from '../domain/glossary';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';

/** One signature of a 复核报告 as its role rules see it. */
export interface ReviewSignature {
  role: SignRole | null;
  signer: string;
  fingerprint: string;
}

export const isReviewRole = (role: string | null): role is ReviewRole =>
  (REVIEW_ROLES as readonly (string | null)[]).includes(role);

/**
 * The breaches of a 复核报告's signing rules, each at the signature that commits it: 复核人 before 复核负责人, each
 * role once, one certificate for one role (the one in charge of a re-check does not approve their own). The report
 * prints no names, so any certificate the trusted roots vouch for may sign its role.
 */
export function reviewRoleBreaches(signatures: readonly ReviewSignature[]): { index: number; breach: Diagnostic }[] {
  const out: { index: number; breach: Diagnostic }[] = [];
  signatures.forEach((s, i) => {
    const role = s.role;
    if (!isReviewRole(role)) return;
    const index = i + 1;
    const label = textRef(`role.${role}`);
    const earlier = signatures.slice(0, i);
    const twice = earlier.find((e) => e.role === role);
    if (twice) out.push({ index, breach: diagnostic('ROLE_ALREADY_SIGNED', { role: label, signer: twice.signer }) });
    const before = REVIEW_ROLES.slice(0, REVIEW_ROLES.indexOf(role)).find((r) => !earlier.some((e) => e.role === r));
    const after = REVIEW_ROLES.slice(REVIEW_ROLES.indexOf(role) + 1).find((r) => earlier.some((e) => e.role === r));
    if (before ?? after)
      out.push({
        index,
        breach: diagnostic('REVIEW_ROLE_OUT_OF_ORDER', {
          role: label,
          other: textRef(`role.${before ?? after ?? role}`),
          relation: textRef(before ? 'verify.role.notSignedYet' : 'verify.role.signedBefore'),
        }),
      });
    const same = earlier.find((e) => e.role !== role && e.fingerprint !== '' && e.fingerprint === s.fingerprint);
    if (same)
      out.push({
        index,
        breach: diagnostic('CERT_TWO_ROLES', {
          signer: s.signer,
          role: label,
          other: isReviewRole(same.role) ? textRef(`role.${same.role}`) : textRef('verify.role.unknown'),
        }),
      });
  });
  return out;
}
