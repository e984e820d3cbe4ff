import { webcrypto, type X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { textRef } from '../errors/texts';
import { certificatesOf, type SignatureCheck } from './verify';
import { pkijsCertificate } from './parsedCertificates';

// pkijs's chain engine works through WebCrypto: node's, set once
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

/**
 * Each signature whose path our checks found trusted is validated again by pkijs's certificate chain validation
 * engine (RFC 5280 §6: names chain, each signature by its issuer's key, validity at the proven or claimed signing
 * time) with the same roots and certificates. The engine has the last word on the path; the policy it does not
 * check (path length, critical extensions, key and extended key usage, revocation dates) stays with ours.
 */
export async function confirmPaths(
  checks: SignatureCheck[],
  anchors: readonly X509Certificate[],
  stored: readonly X509Certificate[],
): Promise<void> {
  if (anchors.length === 0) return;
  const trusted = anchors.map(pkijsCertificate);
  await Promise.all(
    checks
      .filter((c) => c.trust.trusted === true)
      .map(async (check) => {
        const carried = certificatesOf(check);
        if (carried.length === 0) return;
        const at = check.provenTime ?? check.signingTime;
        const engine = new pkijs.CertificateChainValidationEngine({
          trustedCerts: trusted,
          certs: [...carried, ...stored].map(pkijsCertificate),
          checkDate: at ? new Date(at) : new Date(),
        });
        const verdict = await engine.verify();
        if (verdict.result) return;
        check.trust = {
          ...check.trust,
          trusted: false,
          problems: [
            ...check.trust.problems,
            textRef('verify.problem.chainEngine', { detail: verdict.resultMessage || String(verdict.resultCode) }),
          ],
        };
      }),
  );
}
