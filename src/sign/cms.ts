import { createHash, sign as rsaSign, type X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { x509Certificate } from './parsedCertificates';

/**
 * CMS (RFC 5652) for PDF signatures, built and read with pkijs; the RSA arithmetic is node's. No ASN.1 is
 * walked by hand here: a structure pkijs cannot read is a damaged signature.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
} as const;

const DIGEST_NAMES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

export const digestName = (oid: string): string | undefined => DIGEST_NAMES[oid];

/** What a signer brings to a signature: the key (node's), its certificate and the issuing chain, as DER. */
export interface CmsSigner {
  key: KeyObject;
  certificate: Buffer;
  chain: Buffer[];
}

/** An attribute holding one value. */
const attribute = (type: string, value: asn1js.AsnType): pkijs.Attribute =>
  new pkijs.Attribute({ type, values: [value] });

/** A signing time as CMS wants it: UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function timeValue(date: Date): asn1js.AsnType {
  return date.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: date })
    : new asn1js.GeneralizedTime({ valueDate: date });
}

/** The DER the signature is computed over: the signed attributes re-tagged from [0] IMPLICIT to SET (RFC 5652 §5.4). */
function signedAttributesDer(attributes: pkijs.SignedAndUnsignedAttributes): Buffer {
  // a copy: the parsed structure keeps its own bytes
  const der = Buffer.from(
    new Uint8Array(attributes.encodedValue.byteLength > 0 ? attributes.encodedValue : attributes.toSchema().toBER()),
  );
  der[0] = 0x31;
  return der;
}

/**
 * A detached CMS signature over `content`, as adbe.pkcs7.detached expects: SHA-256, with the content type,
 * signing time and message digest as signed attributes, and the signer's chain included. `timestamp` may add
 * an RFC 3161 token over the signature value as an unsigned attribute.
 */
export async function detachedSignature(
  content: Uint8Array,
  signer: CmsSigner,
  signingTime: Date,
  timestamp?: (signatureValue: Buffer) => Promise<pkijs.ContentInfo>,
): Promise<Buffer> {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(signer.certificate));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.signingTime, timeValue(signingTime)),
      attribute(
        OID.messageDigest,
        new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha256').update(content).digest()) }),
      ),
    ],
  });
  const signatureValue = rsaSign('sha256', signedAttributesDer(signedAttrs), signer.key);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.sha256WithRSA,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: new Uint8Array(signatureValue) }),
  });
  if (timestamp) {
    const token = await timestamp(signatureValue);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.timeStampToken, token.toSchema())],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...signer.chain.map((c) => pkijs.Certificate.fromBER(new Uint8Array(c)))],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}

/** One signer of a CMS SignedData, read with pkijs: what verification needs. */
export interface ReadSignature {
  certificates: X509Certificate[];
  /** The signer's certificate among them (by issuer and serial number), or undefined when it is missing. */
  signerCertificate: X509Certificate | undefined;
  digestAlgorithm: string | undefined;
  messageDigest: Buffer | null;
  /** The signing time the signer claims (its own clock). */
  signingTime: Date | null;
  signedAttributes: Buffer;
  signatureValue: Buffer;
  /** The RFC 3161 token among the unsigned attributes, if any. */
  timeStampToken: pkijs.ContentInfo | null;
  /** The encapsulated content (a timestamp token's TSTInfo), when the signature is not detached. */
  content: Buffer | null;
  /** CRLs the signature carries (DER): in the SignedData, or archived in Adobe's signed revocation attribute. */
  crls: Buffer[];
}

/** Adobe's revocationInfoArchival: SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CertificateList, … } (PDF 1.6+). */
const OID_REVOCATION_ARCHIVAL = '1.2.840.113583.1.1.8';

function carriedCrls(signedData: pkijs.SignedData, attrs: pkijs.SignedAndUnsignedAttributes): Buffer[] {
  const inSignedData = (signedData.crls ?? []).flatMap((c) =>
    c instanceof pkijs.CertificateRevocationList ? [Buffer.from(c.toSchema().toBER())] : [],
  );
  const archival = firstValue(attrs, OID_REVOCATION_ARCHIVAL);
  const tagged =
    archival instanceof asn1js.Sequence
      ? archival.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0)
      : undefined;
  const list = tagged instanceof asn1js.Constructed ? tagged.valueBlock.value[0] : undefined;
  const archived = list instanceof asn1js.Sequence ? list.valueBlock.value.map((crl) => Buffer.from(crl.toBER())) : [];
  return [...inSignedData, ...archived];
}

/**
 * The length of the DER element at the start (tag, length, contents), or the whole input when the header cannot
 * say: the parser then need not walk the kilobytes of zeros a signature's /Contents is padded with.
 */
function encodedLength(der: Uint8Array): number {
  const first = der[1] ?? 0;
  if (first < 0x80) return Math.min(der.length, 2 + first);
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4) return der.length;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + (der[2 + i] ?? 0);
  return Math.min(der.length, 2 + octets + length);
}

/** Parses DER that may be followed by padding (a signature's /Contents is zero-filled after it). */
function parseLeading(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der.subarray(0, encodedLength(der)));
  if (parsed.offset === -1) throw new Error(parsed.result.error || 'not DER');
  return parsed.result;
}

const firstValue = (attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string): asn1js.AsnType | undefined =>
  attrs?.attributes.find((a) => a.type === type)?.values[0] as asn1js.AsnType | undefined;

/** Reads a CMS ContentInfo holding SignedData (a PDF signature or a timestamp token). */
export function readSignedData(input: Uint8Array | pkijs.ContentInfo): ReadSignature {
  const info = input instanceof pkijs.ContentInfo ? input : new pkijs.ContentInfo({ schema: parseLeading(input) });
  if (info.contentType !== OID.signedData) throw new Error(`content type ${info.contentType} is not SignedData`);
  const signedData = new pkijs.SignedData({ schema: info.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no signer');
  if (!signerInfo.signedAttrs) throw new Error('no signed attributes');
  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
  const signer =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  const asX509 = (c: pkijs.Certificate): X509Certificate => x509Certificate(new Uint8Array(c.toSchema().toBER()));
  const digest = firstValue(signerInfo.signedAttrs, OID.messageDigest);
  const time = firstValue(signerInfo.signedAttrs, OID.signingTime);
  const token = firstValue(signerInfo.unsignedAttrs, OID.timeStampToken);
  const eContent = signedData.encapContentInfo.eContent;
  return {
    certificates: certificates.map(asX509),
    signerCertificate: signer ? asX509(signer) : undefined,
    digestAlgorithm: digestName(signerInfo.digestAlgorithm.algorithmId),
    messageDigest: digest instanceof asn1js.OctetString ? Buffer.from(digest.valueBlock.valueHexView) : null,
    signingTime: time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null,
    signedAttributes: signedAttributesDer(signerInfo.signedAttrs),
    signatureValue: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    timeStampToken: token ? new pkijs.ContentInfo({ schema: token }) : null,
    content: eContent ? Buffer.from(eContent.getValue()) : null,
    crls: carriedCrls(signedData, signerInfo.signedAttrs),
  };
}
