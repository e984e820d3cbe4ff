import { parse } from 'yaml';
import { ROLE_LABEL, ROLES, type Role } from '../domain/glossary';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';

/** One signature as the role rules see it: its role, the signer's name and certificate, in file order. */
export interface RoleSignature {
  role: Role | null;
  signer: string;
  fingerprint: string;
}

/** The names the form prints for each role (signOff in the embedded actuals); '' where it prints none. */
export function printedNames(actualsText: string): Record<Role, string> {
  let signOff: Record<string, unknown> = {};
  try {
    const data = parse(actualsText) as { signOff?: Record<string, unknown> } | null;
    if (data?.signOff && typeof data.signOff === 'object') signOff = data.signOff;
  } catch {
    // an unreadable copy has no names to bind; re-scoring reports it
  }
  return Object.fromEntries(ROLES.map((r) => [r, typeof signOff[r] === 'string' ? (signOff[r] as string).trim() : ''])) as Record<Role, string>;
}

/**
 * A role must wait for the roles before it (填表人 → 审核人 → 单位负责人): 填表人 always, any other earlier role
 * whenever the form prints a name for it. Returns the first earlier role that has not signed yet.
 */
function missingBefore(role: Role, signed: Set<Role>, printed: Record<Role, string>): Role | null {
  for (const earlier of ROLES.slice(0, ROLES.indexOf(role))) {
    if ((earlier === 'preparer' || printed[earlier] !== '') && !signed.has(earlier)) return earlier;
  }
  return null;
}

/**
 * The breaches of the signing rules in a sequence of signatures, each at the signature that commits it: a role
 * signing twice, out of order (a later role already signed, or an earlier one still missing), one certificate
 * signing for two roles, a signer whose certificate name is not the name the form prints for that role.
 */
export function roleBreaches(printed: Record<Role, string>, signatures: readonly RoleSignature[], options: { allowNameMismatch?: boolean } = {}): { index: number; breach: Diagnostic }[] {
  const out: { index: number; breach: Diagnostic }[] = [];
  const signed = new Set<Role>();
  signatures.forEach((s, i) => {
    const index = i + 1;
    if (!s.role) return;
    const label = ROLE_LABEL[s.role];
    const earlier = signatures.slice(0, i);
    const twice = earlier.find((e) => e.role === s.role);
    if (twice) out.push({ index, breach: diagnostic('ROLE_ALREADY_SIGNED', { role: label, signer: twice.signer }) });
    const later = earlier.find((e) => e.role && ROLES.indexOf(e.role) > ROLES.indexOf(s.role!));
    const missing = missingBefore(s.role, signed, printed);
    if (later) out.push({ index, breach: diagnostic('ROLE_OUT_OF_ORDER', { role: label, other: ROLE_LABEL[later.role!], relation: { zh: '已经在前面签过', en: 'has already signed before it' } }) });
    else if (missing) out.push({ index, breach: diagnostic('ROLE_OUT_OF_ORDER', { role: label, other: ROLE_LABEL[missing], relation: { zh: '还没有签', en: 'has not signed yet' } }) });
    const sameCertificate = earlier.find((e) => e.role !== s.role && e.fingerprint !== '' && e.fingerprint === s.fingerprint);
    if (sameCertificate) out.push({ index, breach: diagnostic('CERT_TWO_ROLES', { signer: s.signer, role: label, other: ROLE_LABEL[sameCertificate.role!] }) });
    const name = printed[s.role];
    if (name !== '' && name !== s.signer && !options.allowNameMismatch) out.push({ index, breach: diagnostic('SIGNER_NAME_MISMATCH', { role: label, printed: name, signer: s.signer }) });
    signed.add(s.role);
  });
  return out;
}
