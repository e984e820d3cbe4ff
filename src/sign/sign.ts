import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import type { SignRole } from '../domain/glossary';
import { diagnostic, InputError, inputError, type Diagnostic } from '../errors/diagnostic';
import { uncoveredCharacters } from '../domain/fonts';
import { detachedSignature } from './cms';
import { readIdentity, type SigningIdentity } from './keys';
import { requestTimestamp } from './timestamp';
import { loadPdf, readSignedData, signatureFields, type SignatureField } from '../pdfdoc/pdfRead';
import type { SealImage } from './sealImage';
import type { RoleSignature } from './roles';
import { signingPlan, type SigningPlan } from './signingPlan';
import { checkSignatures } from './verify';
import { SIGNATURE } from '../domain/formWording';
import { addSignatureField } from './signatureField';
import { fillPlaceholder } from './placeholder';
import { certificateFingerprint } from './keys';
import { textRef } from '../errors/texts';

export interface SignRequest {
  pdf: Uint8Array;
  file: string;
  p12: Uint8Array;
  p12File: string;
  password: string;
  role: SignRole;
  reason?: string;
  location?: string;
  /** The image for the signature's face; for 单位盖章 the seal the actuals name is the default. */
  seal?: SealImage;
  now?: Date;
  allowExpired?: boolean;
  /** Sign a box whose printed name is not the certificate's (the box then shows both names). */
  allowNameMismatch?: boolean;
  /** An RFC 3161 time-stamping authority (http URL) to prove when the signature was made. */
  tsa?: string;
  /**
   * Sign even when bytes follow the last signature, as a careless tool would: only for building the files an
   * adversary makes between two signers (the attacks verify must catch). The command line never offers it.
   */
  signOnTopOfChanges?: boolean;
  /**
   * Tests only, like signOnTopOfChanges: name the field as another tool would, or draw it in another role's box —
   * the signatures an adversary adds, which verify must place by what a reader sees. The command line never offers it.
   */
  foreignField?: { name?: string; boxOf?: SignRole };
}

/**
 * A file with bytes after what its last signature covers was changed after that signature (an unsigned update, a
 * re-save by another program). Signing on top would vouch for the change too: refused, before any key is used.
 */
function refuseChangedAfterLastSignature(request: SignRequest, fields: ReturnType<typeof signatureFields>): void {
  if (request.signOnTopOfChanges) return;
  const ends = fields.flatMap((f) =>
    f.byteRange && f.byteRange.length === 4 ? [(f.byteRange[2] ?? 0) + (f.byteRange[3] ?? 0)] : [],
  );
  if (ends.length === 0) return;
  const covered = Math.max(...ends);
  if (request.pdf.length > covered)
    throw inputError('SIGNED_FILE_CHANGED', { path: request.file, bytes: request.pdf.length - covered });
}

/**
 * Signs a jixiao PDF for one role as an incremental update: every earlier revision, and so every earlier
 * signature, stays byte for byte as it was. The signature is placed in the role's box with a visible face.
 * Nothing is returned (and so nothing written) when the key, the certificate or the role is wrong.
 */
export async function signPdf(request: SignRequest): Promise<SignedPdf> {
  try {
    return await signDocument(request);
  } catch (error) {
    // a damaged file can trip the PDF library anywhere (a page index out of range, a broken object): that is
    // the file's fault, said as such with the library's reason, never a crash
    if (error instanceof InputError) throw error;
    throw inputError('PDF_UNREADABLE', {
      path: request.file,
      detail: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
    });
  }
}

type SignedPdf = { pdf: Uint8Array; warnings: Diagnostic[]; signer: string };

/** A certificate that cannot sign now is refused (a CA's, not yet valid, expired unless allowed); an allowed expiry is a warning. */
function certificateWarnings(identity: SigningIdentity, request: SignRequest, now: Date): Diagnostic[] {
  const who = {
    name: identity.commonName,
    notAfter: identity.notAfter.toISOString().slice(0, 10),
    notBefore: identity.notBefore.toISOString().slice(0, 10),
  };
  if (identity.isCa) throw inputError('SIGNER_IS_CA', { path: request.p12File, name: identity.commonName });
  if (identity.notBefore.getTime() > now.getTime()) throw inputError('CERT_NOT_YET_VALID', who);
  if (identity.notAfter.getTime() >= now.getTime()) return [];
  if (!request.allowExpired) throw inputError('CERT_EXPIRED', who);
  return [diagnostic('CERT_EXPIRED_WARNING', who)];
}

/** The box is drawn with the bundled font: a character it lacks (a rare name) would print as a box, so it is said. */
function missingCharacters(text: string): Diagnostic[] {
  return uncoveredCharacters(text).map((ch) =>
    diagnostic('UNSUPPORTED_CHARACTER', {
      char: ch,
      codePoint: `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    }),
  );
}

async function signDocument(request: SignRequest): Promise<SignedPdf> {
  const now = request.now ?? new Date();
  const identity = readIdentity(request.p12, request.password, request.p12File);
  const warnings: Diagnostic[] = certificateWarnings(identity, request, now);

  const doc = await loadPdf(request.pdf, request.file, true);
  const plan = signingPlan(readSignedData(doc, request.file), request.role, request.file, identity, request.seal);
  const { roleLabel, printed, seal } = plan;
  const existingFields = signatureFields(doc);
  refuseChangedAfterLastSignature(request, existingFields);
  const already = existingFields.find((f) => f.role === request.role);
  const roleName = textRef(`role.${request.role}`);
  if (already) throw inputError('ROLE_ALREADY_SIGNED', { role: roleName, signer: already.signer });
  const box = plan.boxes.find((b) => b.role === (request.foreignField?.boxOf ?? request.role));
  if (!box) throw inputError('NO_SIGNATURE_BOX', { role: roleName });
  // another tool (the adversary the tests play) applies none of the role rules
  if (!request.foreignField) refuseRoleBreaches(request, existingFields, identity, plan);
  const certify = existingFields.length === 0;

  const reason = request.reason ?? (request.role === 'seal' ? roleLabel : SIGNATURE.reason(roleLabel));
  warnings.push(...missingCharacters(`${identity.commonName}${reason}`));
  // pdf-lib, told of each new value, searches the whole file for the object holding it (most of a signature's
  // time): the search is off while the update is built, and the few existing objects it changes are marked here
  const snapshot = doc.context.snapshot;
  Reflect.deleteProperty(doc.context, 'snapshot');
  let changed: PDFRef[];
  try {
    changed = await addSignatureField(doc, {
      request,
      identity,
      printed,
      roleLabel,
      reason,
      now,
      box: box.rect,
      pageIndex: box.page,
      certify,
      ...(seal ? { seal } : {}),
    });
  } finally {
    if (snapshot) doc.context.snapshot = snapshot;
  }
  snapshot?.markRefsForSave(changed);

  const pdf = await committedAndSigned(doc, request, identity, now);
  return { pdf, warnings, signer: identity.commonName };
}

/** The update written after the original bytes (never changing one), then its signature value filled in. */
async function committedAndSigned(
  doc: PDFDocument,
  request: SignRequest,
  identity: SigningIdentity,
  now: Date,
): Promise<Uint8Array> {
  const updated = Buffer.from(await doc.commit({ useObjectStreams: false }));
  if (!updated.subarray(0, request.pdf.length).equals(Buffer.from(request.pdf))) {
    throw new Error('incremental update changed earlier bytes');
  }
  const tsa = request.tsa;
  const timestamp = tsa ? (value: Buffer) => requestTimestamp(tsa, value) : undefined;
  const signer = { key: identity.privateKey, certificate: identity.certificateDer, chain: identity.chainDer };
  return fillPlaceholder(updated, request.pdf.length, (covered) => detachedSignature(covered, signer, now, timestamp));
}

/**
 * Refuses a signature that would break the signing rules with those already in the file: out of order, a second
 * role for one certificate, a certificate whose name is not the one printed for the role.
 */
function refuseRoleBreaches(
  request: SignRequest,
  fields: SignatureField[],
  identity: SigningIdentity,
  plan: SigningPlan,
): void {
  const signed = fields.filter((f) => f.kind === 'signature');
  const roles = new Map(signed.flatMap((f) => (f.byteRange ? [[f.byteRange.join(' '), f.role] as const] : [])));
  const existing: RoleSignature[] = checkSignatures(
    Buffer.from(request.pdf),
    signed.flatMap((f) => (f.byteRange ? [f.byteRange] : [])),
  ).map((c) => ({
    role: (roles.get(c.byteRange.join(' ')) ?? null) as SignRole | null,
    signer: c.signer,
    organization: c.organization,
    fingerprint: c.fingerprint,
  }));
  const mine: RoleSignature = {
    role: request.role,
    signer: identity.commonName,
    organization: identity.organization,
    fingerprint: certificateFingerprint(identity.certificate),
  };
  const breaches = plan
    .breaches([...existing, mine], request.allowNameMismatch === true)
    .filter((b) => b.index === existing.length + 1);
  if (breaches.length > 0) throw new InputError(breaches.map((b) => b.breach));
}
