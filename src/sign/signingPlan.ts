import { REVIEW_ROLE_LABEL, ROLE_LABEL, type SignRole } from '../domain/glossary';
import { inputError, type Diagnostic } from '../errors/diagnostic';
import { EMBEDDED_NAME, type SignatureBox, type SignedData } from '../pdfdoc/embeddedData';
import type { SigningIdentity } from './keys';
import { isReviewRole, reviewRoleBreaches } from './reviewRoles';
import { printedNames, roleBreaches, unitNames, type RoleSignature } from './roles';
import { checkedSealImage, type SealImage } from './sealImage';

/** What a document's own rules say about signing it in a role: its box, the name and label it prints, its breaches. */
export interface SigningPlan {
  boxes: SignatureBox[];
  roleLabel: string;
  /** The name the box prints for the role ('' where it prints none). */
  printed: string;
  seal?: SealImage;
  /** The breaches of the signing rules that a sequence of signatures (the new one last) commits. */
  breaches: (signatures: RoleSignature[], allowNameMismatch: boolean) => { index: number; breach: Diagnostic }[];
}

/** A form: no draft is signed; names as the form prints them; the unit's seal; the form's role rules. */
function formPlan(
  data: Extract<SignedData, { kind: 'form' }>['data'],
  role: SignRole,
  file: string,
  identity: SigningIdentity,
  seal?: SealImage,
): SigningPlan {
  // a draft (待补充) is not a form anyone can vouch for yet: it is completed and rendered again first
  if (data.result.status === 'draft') {
    const pending = Array.isArray(data.result.pending) ? data.result.pending.length : 0;
    throw inputError('FORM_INCOMPLETE', { path: file, count: pending });
  }
  const units = unitNames(data);
  const names = printedNames(data.inputs.actuals.text);
  // the seal box names the unit: the certificate's name that matched it
  const printed =
    role === 'seal' ? (units.find((u) => u === identity.organization) ?? '') : isReviewRole(role) ? '' : names[role];
  const sealImage =
    seal ??
    (role === 'seal' && data.sealImage
      ? checkedSealImage(Buffer.from(data.sealImage.base64, 'base64'), EMBEDDED_NAME)
      : undefined);
  return {
    boxes: data.signatureBoxes,
    roleLabel: isReviewRole(role) ? REVIEW_ROLE_LABEL[role] : ROLE_LABEL[role],
    printed,
    ...(sealImage ? { seal: sealImage } : {}),
    breaches: (signatures, allowNameMismatch) => roleBreaches(names, signatures, { allowNameMismatch, units }),
  };
}

/** How a document is signed in a role, by what it is: a form, or a 复核报告 (reviewer roles, no names printed). */
export function signingPlan(
  signed: SignedData,
  role: SignRole,
  file: string,
  identity: SigningIdentity,
  seal?: SealImage,
): SigningPlan {
  if (signed.kind === 'form') return formPlan(signed.data, role, file, identity, seal);
  return {
    boxes: signed.data.signatureBoxes,
    roleLabel: isReviewRole(role) ? REVIEW_ROLE_LABEL[role] : ROLE_LABEL[role],
    printed: '',
    ...(seal ? { seal } : {}),
    breaches: (signatures) => reviewRoleBreaches(signatures),
  };
}
