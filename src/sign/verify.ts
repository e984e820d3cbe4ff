import { createHash, verify as verifySignature, X509Certificate, constants } from 'node:crypto';
import forge from 'node-forge';
import { textRef, type TextRef } from '../errors/texts';
import { checkTrust, isTestCertificate, type TrustCheck } from './trust';

/** What one signature in the file says and whether it holds. */
export interface SignatureCheck {
  /** 1-based, in file order. */
  index: number;
  byteRange: [number, number, number, number];
  signer: string;
  issuer: string;
  subject: string;
  serialNumber: string;
  /** From the signed attributes (the signer's clock). */
  signingTime: string | null;
  /** The byte range is well formed: it starts at 0, skips exactly the /Contents hex string, ends inside the file. */
  rangeValid: boolean;
  /** SHA-256 of the signed bytes equals the messageDigest the signature carries. */
  digestValid: boolean;
  /** The RSA signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  certificateValidAtSigning: boolean;
  /** The revision (1-based, counting %%EOF markers) whose end the signature covers; 0 when it ends elsewhere. */
  revision: number;
  /** Bytes added after the signed range (later revisions, signed or not). */
  bytesAfter: number;
  problems: TextRef[];
  /** SHA-256 of the signer's certificate (AB:CD:…), to compare with what the signer says theirs is. */
  fingerprint: string;
  /** A certificate marked 仅供测试 (jixiao keygen's): never a real signer. */
  testCertificate: boolean;
  /** Who the signer is: the chain to a trusted root, or why there is none. */
  trust: TrustCheck;
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

/** Where each revision ends: after a %%EOF marker, with or without its end-of-line. */
export function revisionEnds(pdf: Buffer): { from: number; to: number }[] {
  const ends: { from: number; to: number }[] = [];
  let at = pdf.indexOf('%%EOF');
  while (at >= 0) {
    let end = at + 5;
    if (pdf[end] === 0x0d) end++;
    if (pdf[end] === 0x0a) end++;
    ends.push({ from: at + 5, to: end });
    at = pdf.indexOf('%%EOF', at + 5);
  }
  return ends;
}

export function revisionAt(ends: { from: number; to: number }[], offset: number): number {
  return ends.findIndex((e) => offset >= e.from && offset <= e.to) + 1;
}

function field(subject: string, key: string): string {
  return (
    subject
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ''
  );
}

type Asn1 = forge.asn1.Asn1;
const children = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? (node.value as Asn1[]) : []);
const bytesOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? node.value : '');

/**
 * Checks every signature on its own terms — its byte range, its digest and its CMS signature. The signatures
 * are the document's signature fields (their /ByteRange as the structure gives it), never byte patterns found
 * by searching the file: a /ByteRange written in a comment or a stray stream is not a signature.
 */
export function checkSignatures(pdf: Buffer, byteRanges: number[][], anchors: X509Certificate[] = [], now = new Date()): SignatureCheck[] {
  const ends = revisionEnds(pdf);
  return byteRanges
    .filter((r): r is [number, number, number, number] => r.length === 4 && r.every((n) => Number.isSafeInteger(n) && n >= 0))
    .sort((x, y) => x[2] + x[3] - (y[2] + y[3]))
    .map((range, i) => checkOne(pdf, range, i + 1, ends, anchors, now));
}

/** What a CMS SignedData holds that verification needs, read off its ASN.1. */
interface SignedDataParts {
  certificates: X509Certificate[];
  signerSerial: string;
  digestOid: string;
  signedAttrs: Asn1;
  signatureValue: Buffer;
}

/** The /Contents hex of a signature → the parsed DER (the hex is zero-padded after the DER, so not all bytes are parsed). */
function parseContents(hex: string): Asn1 {
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not hex');
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean }) => Asn1;
  return fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), { strict: false, parseAllBytes: false });
}

function signedDataParts(node: Asn1): SignedDataParts {
  const signedData = children(children(node)[1])[0];
  const parts = children(signedData);
  const certNode = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const info = children(children(parts[parts.length - 1])[0]);
  const signedAttrs = info.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  if (!signedAttrs) throw new Error('no signed attributes');
  const signatureNode = [...info].reverse().find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
  return {
    certificates: children(certNode).map((cert) => new X509Certificate(Buffer.from(forge.asn1.toDer(cert).getBytes(), 'binary'))),
    signerSerial: forge.util.bytesToHex(bytesOf(children(info[1])[1])),
    digestOid: forge.asn1.derToOid(bytesOf(children(info[2])[0])),
    signedAttrs,
    signatureValue: Buffer.from(bytesOf(signatureNode), 'binary'),
  };
}

/** The message digest and signing time among the signed attributes. */
function signedAttributes(signedAttrs: Asn1): { messageDigest: string; signingTime: string | null } {
  let messageDigest = '';
  let signingTime: string | null = null;
  for (const attribute of children(signedAttrs)) {
    const [oid, values] = children(attribute);
    const id = forge.asn1.derToOid(bytesOf(oid));
    const value = children(values)[0];
    if (id === OID_MESSAGE_DIGEST) messageDigest = Buffer.from(bytesOf(value), 'binary').toString('hex');
    if (id === OID_SIGNING_TIME && value) {
      const time = value.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(bytesOf(value)) : forge.asn1.generalizedTimeToDate(bytesOf(value));
      signingTime = time.toISOString();
    }
  }
  return { messageDigest, signingTime };
}

const sameSerial = (a: string, b: string): boolean => a.toLowerCase().replace(/^0+/, '') === b.toLowerCase().replace(/^0+/, '');

/** One signature: its byte range, then its CMS — digest over the ranges, signature over the attributes, certificate dates. */
function checkOne(pdf: Buffer, range: [number, number, number, number], index: number, ends: { from: number; to: number }[], anchors: X509Certificate[], now: Date): SignatureCheck {
  const [a, b, c, d] = range;
  const check: SignatureCheck = {
    index,
    byteRange: range,
    signer: '',
    issuer: '',
    subject: '',
    serialNumber: '',
    signingTime: null,
    rangeValid: false,
    digestValid: false,
    signatureValid: false,
    certificateValidAtSigning: false,
    revision: 0,
    bytesAfter: 0,
    problems: [],
    fingerprint: '',
    testCertificate: false,
    trust: { trusted: anchors.length === 0 ? null : false, chain: [], problems: [] },
  };
  const coveredEnd = c + d;
  check.rangeValid = a === 0 && b > 0 && c > b && coveredEnd <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  if (!check.rangeValid) {
    check.problems.push(textRef('verify.problem.range'));
    return check;
  }
  check.revision = revisionAt(ends, coveredEnd);
  check.bytesAfter = pdf.length - coveredEnd;

  let node: Asn1;
  try {
    node = parseContents(pdf.subarray(b + 1, c - 1).toString('latin1').replace(/\s+/g, ''));
  } catch {
    check.problems.push(textRef('verify.problem.cms', { detail: '' }));
    return check;
  }
  try {
    const cms = signedDataParts(node);
    const signerCert = cms.certificates.find((x) => sameSerial(x.serialNumber, cms.signerSerial));
    if (!signerCert) throw new Error('signer certificate missing');
    check.subject = signerCert.subject;
    check.signer = field(signerCert.subject, 'CN');
    check.issuer = field(signerCert.issuer, 'CN');
    check.serialNumber = signerCert.serialNumber;
    check.fingerprint = signerCert.fingerprint256;
    check.testCertificate = isTestCertificate(signerCert);

    const { messageDigest, signingTime } = signedAttributes(cms.signedAttrs);
    check.signingTime = signingTime;
    const algorithm = DIGESTS[cms.digestOid] ?? 'sha256';
    const digest = createHash(algorithm).update(pdf.subarray(0, b)).update(pdf.subarray(c, coveredEnd)).digest('hex');
    check.digestValid = messageDigest !== '' && digest === messageDigest;
    if (!check.digestValid) check.problems.push(textRef('verify.problem.digest'));

    // The signature is over the DER of the signed attributes re-tagged as a SET.
    const attrsAsSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(cms.signedAttrs));
    const attrsDer = Buffer.from(forge.asn1.toDer(attrsAsSet).getBytes(), 'binary');
    check.signatureValid = verifySignature(algorithm, attrsDer, { key: signerCert.publicKey, padding: constants.RSA_PKCS1_PADDING }, cms.signatureValue);
    if (!check.signatureValid) check.problems.push(textRef('verify.problem.signature'));

    const at = check.signingTime ? new Date(check.signingTime) : new Date();
    check.certificateValidAtSigning = new Date(signerCert.validFrom) <= at && at <= new Date(signerCert.validTo);
    if (!check.certificateValidAtSigning) check.problems.push(textRef('verify.problem.certificate'));
    check.trust = checkTrust(signerCert, cms.certificates, anchors, check.signingTime ? new Date(check.signingTime) : null, now);
  } catch (error) {
    check.problems.push(textRef('verify.problem.cms', { detail: ` (${(error as Error).message})` }));
  }
  return check;
}
