import { X509Certificate } from 'node:crypto';
import { validationData, type LoadedPdf } from '../pdfdoc/pdfRead';
import { readRevocationList, type RevocationList } from '../sign/revocation';

/**
 * The validation data the file carries (/DSS, as `jixiao ltv` writes it): certificates to build chains from and
 * CRLs to hold them against, read so that a verifier needs no network. An item that cannot be read is no evidence.
 */
export function storedEvidence(whole: LoadedPdf | undefined): {
  certificates: X509Certificate[];
  crls: RevocationList[];
} {
  if (!whole) return { certificates: [], crls: [] };
  let stored: ReturnType<typeof validationData>;
  try {
    stored = validationData(whole);
  } catch {
    return { certificates: [], crls: [] };
  }
  const certificates = stored.certificates.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const crls = stored.crls.flatMap((der) => {
    try {
      return [readRevocationList(der)];
    } catch {
      return [];
    }
  });
  return { certificates, crls };
}
