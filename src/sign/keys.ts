import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { inputError } from '../errors/diagnostic';

/** A signer's key and certificate, read from a PKCS#12 file. The key never leaves this room. */
export interface SigningIdentity {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** The issuing chain that came with it (CA certificates), excluding the signer's own. */
  chain: forge.pki.Certificate[];
  /** The same key and certificates in node's form, for the signature itself (node's RSA is native). */
  privateKey: KeyObject;
  certificateDer: Buffer;
  chainDer: Buffer[];
  commonName: string;
  /** The subject's organization (O), '' when it has none. */
  organization: string;
  /** A CA certificate (basicConstraints cA): it issues certificates and signs no form. */
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
}

export function commonNameOf(
  certificate: forge.pki.Certificate,
  of: 'subject' | 'issuer' = 'subject',
  key: 'CN' | 'O' = 'CN',
): string {
  const field = certificate[of].getField(key) as forge.pki.CertificateField | null;
  return field ? String(decodedAttributes([field])[0]?.value ?? '') : '';
}

/** Opens a PKCS#12 file: a wrong password, a non-RSA key or a file with no key are clear errors. */
export function readIdentity(p12: Uint8Array, password: string, file: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/OID is not RSA|not RSA/i.test(message)) throw inputError('NON_RSA_KEY', { path: file });
    if (/password|MAC|Invalid|decrypt|padding/i.test(message)) throw inputError('WRONG_PASSWORD', { path: file });
    throw inputError('BAD_P12', { path: file, detail: message });
  }
  const oids = forge.pki.oids as Record<string, string | undefined>;
  const bags = (type: string | undefined): forge.pkcs12.Bag[] =>
    type ? (parsed.getBags({ bagType: type })[type] ?? []) : [];
  const keyBags = [...bags(oids.pkcs8ShroudedKeyBag), ...bags(oids.keyBag)];
  const certificates = bags(oids.certBag)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  const bag = keyBags[0];
  if (!bag) throw inputError('BAD_P12', { path: file, detail: 'no private key' });
  // forge decodes only RSA keys; any other algorithm leaves the key empty with its ASN.1 beside it.
  const key = bag.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key || !('n' in key)) throw inputError('NON_RSA_KEY', { path: file });
  const certificate = certificates.find((c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!certificate) throw inputError('BAD_P12', { path: file, detail: 'no certificate matches the private key' });
  const chain = certificates.filter((c: forge.pki.Certificate) => c !== certificate);
  return {
    key,
    certificate,
    chain,
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificateDer: certificateDer(certificate),
    chainDer: chain.map(certificateDer),
    commonName: commonNameOf(certificate),
    organization: commonNameOf(certificate, 'subject', 'O'),
    isCa: (certificate.getExtension('basicConstraints') as { cA?: boolean } | null)?.cA === true,
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
  };
}

/**
 * node-forge keeps UTF8String values of a parsed name as raw UTF-8 bytes but encodes them again when it
 * writes a name: reused as-is, a Chinese name comes out double-encoded and no longer matches. Decode first.
 */
export function decodedAttributes(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((a) =>
    (a.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof a.value === 'string'
      ? { ...a, value: forge.util.decodeUtf8(a.value) }
      : a,
  );
}

/** SHA-256 of a certificate's DER as AB:CD:… — the same form verify prints and X509Certificate.fingerprint256 gives. */
export function certificateFingerprint(certificate: forge.pki.Certificate): string {
  return new X509Certificate(certificateDer(certificate)).fingerprint256;
}

function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
}
