import { parse } from 'yaml';
import { ROLES, type Role, type SignRole } from '../domain/glossary';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import type { EmbeddedData } from '../pdfdoc/embeddedData';

/** One signature as the role rules see it: its role, the signer's name and certificate, in file order. */
export interface RoleSignature {
  role: SignRole | null;
  /** The certificate's common name. */
  signer: string;
  /** The certificate's organization (O), '' when it has none: a unit's certificate may name the unit there. */
  organization: string;
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
  // the seal's "name" is the unit's, not a person's: signOff.seal is the image the seal signature draws
  return Object.fromEntries(
    ROLES.map((r) => [r, r !== 'seal' && typeof signOff[r] === 'string' ? (signOff[r] as string).trim() : '']),
  ) as Record<Role, string>;
}

/**
 * The unit names a seal's certificate may carry: the form's unit (单位名称) and, on a project form, its 实施单位
 * (the unit that fills a project's form and seals it is either, depending on the province).
 */
export function unitNames(data: EmbeddedData): string[] {
  let implementing: unknown;
  try {
    implementing = (parse(data.inputs.definitions.text) as { implementingUnit?: unknown } | null)?.implementingUnit;
  } catch {
    // unreadable definitions are reported by re-scoring; the department still names the unit
  }
  return [data.result.department, implementing].flatMap((name) =>
    typeof name === 'string' && name.trim() !== '' ? [name.trim()] : [],
  );
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
 * signing for two roles, a signer whose certificate name is not the name the form prints for that role, a seal
 * whose certificate is not the unit's (its CN or O must be one of `units`, the unit names the form prints; no
 * flag allows another unit's seal).
 */
export function roleBreaches(
  printed: Record<Role, string>,
  signatures: readonly RoleSignature[],
  options: { allowNameMismatch?: boolean; units: readonly string[] },
): { index: number; breach: Diagnostic }[] {
  const out: { index: number; breach: Diagnostic }[] = [];
  const signed = new Set<Role>();
  signatures.forEach((s, i) => {
    const index = i + 1;
    // a form's rules are about a form's roles (a 复核报告's have theirs: reviewRoles.ts)
    const role = s.role !== null && (ROLES as readonly string[]).includes(s.role) ? (s.role as Role) : null;
    if (!role) return;
    // said in the reader's language: the catalog's role names, not the printed form's labels
    const label = textRef(`role.${role}`);
    const earlier = signatures.slice(0, i);
    const twice = earlier.find((e) => e.role === role);
    if (twice) out.push({ index, breach: diagnostic('ROLE_ALREADY_SIGNED', { role: label, signer: twice.signer }) });
    const later = earlier.flatMap((e) =>
      e.role && ROLES.indexOf(e.role as Role) > ROLES.indexOf(role) ? [e.role] : [],
    )[0];
    const missing = missingBefore(role, signed, printed);
    if (later)
      out.push({
        index,
        breach: diagnostic('ROLE_OUT_OF_ORDER', {
          role: label,
          other: textRef(`role.${later}`),
          relation: textRef('verify.role.signedBefore'),
        }),
      });
    else if (missing)
      out.push({
        index,
        breach: diagnostic('ROLE_OUT_OF_ORDER', {
          role: label,
          other: textRef(`role.${missing}`),
          relation: textRef('verify.role.notSignedYet'),
        }),
      });
    const sameCertificate = earlier.find(
      (e) => e.role !== role && e.fingerprint !== '' && e.fingerprint === s.fingerprint,
    );
    const otherRole = sameCertificate?.role ? textRef(`role.${sameCertificate.role}`) : textRef('verify.role.unknown');
    if (sameCertificate)
      out.push({ index, breach: diagnostic('CERT_TWO_ROLES', { signer: s.signer, role: label, other: otherRole }) });
    const name = printed[role];
    if (s.role === 'seal') {
      const units = options.units.filter((u) => u.trim() !== '');
      if (!units.some((u) => u === s.signer || u === s.organization))
        out.push({
          index,
          breach: diagnostic('SEAL_UNIT_MISMATCH', {
            signer: s.organization ? `CN=${s.signer}, O=${s.organization}` : `CN=${s.signer}`,
            units: units.join(' / '),
          }),
        });
    } else if (name !== '' && name !== s.signer && !options.allowNameMismatch)
      out.push({ index, breach: diagnostic('SIGNER_NAME_MISMATCH', { role: label, printed: name, signer: s.signer }) });
    signed.add(role);
  });
  return out;
}
