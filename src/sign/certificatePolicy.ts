import type { X509Certificate } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { textRef, type TextRef } from '../errors/texts';
import { pkijsCertificate } from './parsedCertificates';

/**
 * What RFC 5280 asks of a path beyond its signatures and dates, and pkijs's chain engine does not check (it reads a
 * path length and an extended key usage but never enforces them, and looks for unparsable critical extensions on
 * CA certificates only): every CA's path length constraint, no critical extension a checker does not know, and an
 * extended key usage fit for signing documents.
 */

/** The extensions jixiao knows (RFC 5280 §4.2.1 and the document-signing usages): a critical one of any other is refused. */
const KNOWN_EXTENSIONS = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.30', // nameConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.36', // policyConstraints
  '2.5.29.37', // extKeyUsage
  '2.5.29.54', // inhibitAnyPolicy
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

/**
 * The extended key usages a document signature may rest on (a certificate with no extKeyUsage may be used for
 * anything): any purpose, e-mail protection (S/MIME, as most signing certificates carry), document signing
 * (RFC 9336), Adobe's and Microsoft's document-signing purposes. A certificate for TLS servers or clients only is
 * not a signer's.
 */
export const DOCUMENT_SIGNING_USAGES = new Map([
  ['2.5.29.37.0', 'anyExtendedKeyUsage'],
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.36', 'documentSigning'],
  ['1.2.840.113583.1.1.5', 'Adobe PDF signing'],
  ['1.3.6.1.4.1.311.10.3.12', 'Microsoft document signing'],
]);

const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_EXT_KEY_USAGE = '2.5.29.37';

const nameOf = (cert: X509Certificate): string => /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? cert.subject;

function unknownCritical(cert: X509Certificate): TextRef[] {
  return (pkijsCertificate(cert).extensions ?? [])
    .filter((e) => e.critical && !KNOWN_EXTENSIONS.has(e.extnID))
    .map((e) => textRef('verify.problem.criticalExtension', { name: nameOf(cert), oid: e.extnID }));
}

function usageProblem(signer: X509Certificate): TextRef[] {
  const extension = (pkijsCertificate(signer).extensions ?? []).find((e) => e.extnID === OID_EXT_KEY_USAGE);
  if (!extension) return [];
  const usages = (extension.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (usages.some((u) => DOCUMENT_SIGNING_USAGES.has(u))) return [];
  return [textRef('verify.problem.extendedKeyUsage', { name: nameOf(signer), usages: usages.join(', ') || '—' })];
}

/** A CA's pathLenConstraint, or null when it sets none. */
function pathLength(cert: X509Certificate): number | null {
  const extension = (pkijsCertificate(cert).extensions ?? []).find((e) => e.extnID === OID_BASIC_CONSTRAINTS);
  const value = (extension?.parsedValue as pkijs.BasicConstraints | undefined)?.pathLenConstraint;
  if (value === undefined) return null;
  return typeof value === 'number' ? value : Number(value.valueBlock.valueDec);
}

/**
 * The path's problems under RFC 5280's rules that signatures and dates do not cover. `path` runs from the signer
 * to the trust anchor. A CA's path length counts the CA certificates below it down to the signer (§4.2.1.9; a
 * self-issued one does not count, and jixiao's paths hold none but the anchor).
 */
export function pathPolicyProblems(
  path: readonly X509Certificate[],
  purpose: 'document' | 'timestamp' = 'document',
): TextRef[] {
  const [signer] = path;
  if (!signer) return [];
  // a time-stamping authority's purpose is checked with its token (timeStamping, RFC 3161)
  const problems = [...path.flatMap(unknownCritical), ...(purpose === 'document' ? usageProblem(signer) : [])];
  path.forEach((cert, i) => {
    if (i === 0) return;
    const limit = pathLength(cert);
    const below = i - 1;
    if (limit !== null && below > limit)
      problems.push(textRef('verify.problem.pathLength', { name: nameOf(cert), limit, below }));
  });
  return problems;
}
