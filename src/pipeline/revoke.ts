import { X509Certificate } from 'node:crypto';
import { inputError } from '../errors/diagnostic';
import { readInput } from '../load/files';
import { readIdentity } from '../sign/keys';
import {
  issuedBy,
  issueRevocationList,
  readRevocationList,
  revocationListPem,
  type RevocationList,
} from '../sign/revocation';
import { commonName, parseAnchors } from '../sign/trust';

export interface RevokeOptions {
  /** The CA that issued the certificates (its .p12 and password): it signs the CRL. */
  issuer: { file: string; password: string };
  /** Certificates to revoke: PEM/DER certificate files, or .p12 files opened with `p12Password`. */
  certificates: readonly string[];
  p12Password?: string;
  /** A CRL the CA issued before, whose entries the new one keeps. */
  previous?: string;
  /** When the certificates were revoked (now by default). */
  at?: Date;
  days?: number;
}

const isP12 = (file: string): boolean => /\.(p12|pfx)$/i.test(file);

/** The certificate of a file: a certificate file's first, or a .p12's own. */
function certificateOf(file: string, p12Password: string | undefined): X509Certificate {
  if (!isP12(file)) {
    const [first] = parseAnchors(readInput(file, 'certificate'), file);
    if (!first) throw inputError('TRUST_ANCHOR_UNREADABLE', { path: file });
    return first;
  }
  return new X509Certificate(readIdentity(readInput(file, 'p12'), p12Password ?? '', file).certificateDer);
}

/**
 * `jixiao keygen --revoke`: the test CA revokes certificates it issued and writes its CRL (PEM), keeping the
 * entries of the CRL it wrote before. A certificate the CA did not issue is refused: its CRL could not revoke it.
 */
export function revokeCertificates(options: RevokeOptions): {
  pem: string;
  revoked: { name: string; serial: string }[];
} {
  const ca = readIdentity(readInput(options.issuer.file, 'p12'), options.issuer.password, options.issuer.file);
  if (!ca.isCa) throw inputError('ISSUER_NOT_CA', { path: options.issuer.file, name: ca.commonName });
  const caCertificate = new X509Certificate(ca.certificateDer);
  const at = options.at ?? new Date();
  const certificates = options.certificates.map((file) => {
    const cert = certificateOf(file, options.p12Password);
    if (!cert.checkIssued(caCertificate) || !cert.verify(caCertificate.publicKey))
      throw inputError('REVOKE_NOT_ISSUED', { path: file, name: commonName(cert), issuer: ca.commonName });
    return cert;
  });
  const previous = options.previous ? readPrevious(options.previous, caCertificate) : undefined;
  const list = issueRevocationList(
    caCertificate,
    ca.privateKey,
    certificates.map((c) => ({ serialNumber: c.serialNumber, at })),
    { ...(previous ? { previous } : {}), ...(options.days !== undefined ? { days: options.days } : {}) },
  );
  return {
    pem: revocationListPem(list),
    revoked: certificates.map((c) => ({ name: commonName(c), serial: c.serialNumber })),
  };
}

/** The CRL the CA wrote before: readable, and its own (another CA's entries would revoke nothing of this one's). */
function readPrevious(file: string, ca: X509Certificate): RevocationList {
  const bytes = readInput(file, 'crl');
  let list: RevocationList;
  try {
    list = readRevocationList(bytes);
  } catch {
    throw inputError('CRL_UNREADABLE', { path: file });
  }
  if (!issuedBy(list, ca)) throw inputError('CRL_OTHER_ISSUER', { path: file, issuer: commonName(ca) });
  return list;
}
