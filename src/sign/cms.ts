import forge from 'node-forge';
import { decodedAttributes, type SigningIdentity } from './keys';

/** forge's addSigner also takes issuer and serial number in place of a certificate; its typings omit that. */
type SignerByIssuer = {
  key: forge.pki.rsa.PrivateKey;
  issuer: forge.pki.CertificateField[];
  serialNumber: string;
  digestAlgorithm: string;
  authenticatedAttributes: { type: string; value?: unknown }[];
};

/**
 * A detached CMS (PKCS#7) signature over `content`, as adbe.pkcs7.detached expects: SHA-256, with the
 * content type, signing time and message digest as signed attributes, and the signer's chain included.
 */
export function detachedSignature(content: Uint8Array, identity: SigningIdentity, signingTime: Date): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(Buffer.from(content).toString('binary'));
  p7.addCertificate(identity.certificate);
  for (const ca of identity.chain) p7.addCertificate(ca);
  const signer: SignerByIssuer = {
    key: identity.key,
    // the issuer passed decoded, so forge writes it exactly as the certificate has it (Chinese names included)
    issuer: decodedAttributes(identity.certificate.issuer.attributes),
    serialNumber: identity.certificate.serialNumber,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.signingTime!, value: signingTime },
      { type: forge.pki.oids.messageDigest! },
    ],
  };
  p7.addSigner(signer as unknown as Parameters<typeof p7.addSigner>[0]);
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}
