import { revisionAt, revisionEnds } from '../pdfdoc/revisions';
import { createHash, verify as verifySignature, type X509Certificate } from 'node:crypto';
import { textRef, type TextRef } from '../errors/texts';
import { readSignedData, type ReadSignature } from './cms';
import { contentsOf, wellFormedRange } from './placeholder';
import { checkTimestamp } from './timestamp';
import { readRevocationList, type RevocationList } from './revocation';
import { checkTrust, isTestCertificate, type TrustCheck } from './trust';

/** What one signature in the file says and whether it holds. */
export interface SignatureCheck {
  /** 1-based, in file order. */
  index: number;
  byteRange: [number, number, number, number];
  signer: string;
  /** The signer certificate's organization (O), '' when it has none. */
  organization: string;
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
  /** A certificate of the signer's path was revoked before the signing time (by a CRL at hand). */
  revoked: boolean;
  /** When the signature is proven to exist (its trusted timestamp, else a document timestamp over it), ISO; else null. */
  provenTime: string | null;
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
  /** The RFC 3161 timestamp over this signature, if it has one. */
  timestamp: { time: string; authority: string; valid: boolean; trusted: boolean | null } | null;
}

function field(subject: string, key: string): string {
  return (
    subject
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ''
  );
}

/**
 * Checks every signature on its own terms — its byte range, its digest and its CMS signature. The signatures
 * are the document's signature fields (their /ByteRange as the structure gives it), never byte patterns found
 * by searching the file: a /ByteRange written in a comment or a stray stream is not a signature.
 */
export function checkSignatures(pdf: Buffer, byteRanges: number[][], evidence: Evidence = {}): SignatureCheck[] {
  const ends = revisionEnds(pdf);
  const context: CheckContext = {
    anchors: evidence.anchors ?? [],
    now: evidence.now ?? new Date(),
    crls: evidence.crls ?? [],
    certificates: evidence.certificates ?? [],
    provenAt: evidence.provenAt ?? (() => null),
  };
  return byteRanges
    .filter(
      (r): r is [number, number, number, number] => r.length === 4 && r.every((n) => Number.isSafeInteger(n) && n >= 0),
    )
    .sort((x, y) => x[2] + x[3] - (y[2] + y[3]))
    .map((range, i) => checkOne(pdf, range, i + 1, ends, context));
}

/** What the signatures of one file are checked against, beyond their own bytes. */
export interface Evidence {
  anchors?: X509Certificate[];
  now?: Date;
  /** CRLs from the reader (verify --crl) and from the document's validation data (/DSS). */
  crls?: readonly RevocationList[];
  /** Certificates the document's validation data holds: more links to build a chain from. */
  certificates?: readonly X509Certificate[];
  /**
   * The time a later document timestamp proves a signature existed at, by where the signature's bytes end (null
   * when none covers it): for a signature without a timestamp of its own, what its own claim cannot prove.
   */
  provenAt?: (coveredEnd: number) => Date | null;
}

/**
 * The signature's timestamp token, checked and recorded on `check`: the proven time when the token holds and
 * its TSA leads to an anchor (only then does it outweigh the signer's own clock); a token that does not cover
 * this signature or does not verify makes the signature fail; an untrusted TSA leaves the identity unverified.
 */
function timestampOf(
  cms: ReadSignature,
  anchors: X509Certificate[],
  check: SignatureCheck,
): { proven: Date | null; trustProblems: TextRef[] } {
  if (!cms.timeStampToken) return { proven: null, trustProblems: [] };
  const stamp = checkTimestamp(cms.timeStampToken, cms.signatureValue, anchors);
  check.timestamp = { time: stamp.time, authority: stamp.authority, valid: stamp.valid, trusted: stamp.trust.trusted };
  check.problems.push(...stamp.problems);
  if (!stamp.valid) return { proven: null, trustProblems: [] };
  if (stamp.trust.trusted !== true) {
    return {
      proven: null,
      trustProblems: stamp.trust.problems.map((problem) =>
        textRef('verify.problem.timestampUntrusted', { authority: stamp.authority, problem }),
      ),
    };
  }
  return { proven: new Date(stamp.time), trustProblems: [] };
}

/** The certificates each checked signature carried (its signer's first): for the chain engine, without a second parse. */
const carriedBy = new WeakMap<SignatureCheck, X509Certificate[]>();
export const certificatesOf = (check: SignatureCheck): X509Certificate[] => carriedBy.get(check) ?? [];

/** What every signature of one file is checked against. */
type CheckContext = Required<Evidence>;

/** The CRLs a signature carries; one that cannot be read is no evidence, and no crash. */
function carriedLists(cms: ReadSignature): RevocationList[] {
  return cms.crls.flatMap((der) => {
    try {
      return [readRevocationList(der)];
    } catch {
      return [];
    }
  });
}

/** One signature: its byte range, then its CMS — digest over the ranges, signature over the attributes, certificate dates. */
function checkOne(
  pdf: Buffer,
  range: [number, number, number, number],
  index: number,
  ends: { from: number; to: number }[],
  context: CheckContext,
): SignatureCheck {
  const { anchors } = context;
  const [, , c, d] = range;
  const check: SignatureCheck = {
    index,
    byteRange: range,
    signer: '',
    organization: '',
    issuer: '',
    subject: '',
    serialNumber: '',
    signingTime: null,
    rangeValid: false,
    digestValid: false,
    signatureValid: false,
    certificateValidAtSigning: false,
    revoked: false,
    provenTime: null,
    revision: 0,
    bytesAfter: 0,
    problems: [],
    fingerprint: '',
    testCertificate: false,
    trust: { trusted: anchors.length === 0 ? null : false, chain: [], problems: [] },
    timestamp: null,
  };
  const coveredEnd = c + d;
  check.rangeValid = wellFormedRange(pdf, range);
  if (!check.rangeValid) {
    check.problems.push(textRef('verify.problem.range'));
    return check;
  }
  check.revision = revisionAt(ends, coveredEnd);
  check.bytesAfter = pdf.length - coveredEnd;

  let cms: ReadSignature;
  try {
    cms = readSignedData(contentsOf(pdf, range));
  } catch (error) {
    check.problems.push(textRef('verify.problem.cms', { detail: ` (${(error as Error).message})` }));
    return check;
  }
  // pkijs and node read whatever the signature carries; a certificate or key they cannot use is this signature's problem, never a crash
  try {
    checkSignedData(pdf, range, cms, check, context);
  } catch (error) {
    check.problems.push(textRef('verify.problem.cms', { detail: ` (${(error as Error).message})` }));
  }
  return check;
}

/** The CMS of one signature against the file: its signer, the digest over the ranges, the signature, the certificate then, the trust. */
function checkSignedData(
  pdf: Buffer,
  range: [number, number, number, number],
  cms: ReadSignature,
  check: SignatureCheck,
  { anchors, now, crls, certificates, provenAt }: CheckContext,
): void {
  const [, b, c, d] = range;
  const coveredEnd = c + d;
  const signerCert = cms.signerCertificate;
  if (!signerCert) {
    check.problems.push(textRef('verify.problem.cms', { detail: ' (signer certificate missing)' }));
    return;
  }
  carriedBy.set(check, [signerCert, ...cms.certificates]);
  check.subject = signerCert.subject;
  check.signer = field(signerCert.subject, 'CN');
  check.organization = field(signerCert.subject, 'O');
  check.issuer = field(signerCert.issuer, 'CN');
  check.serialNumber = signerCert.serialNumber;
  check.fingerprint = signerCert.fingerprint256;
  check.testCertificate = isTestCertificate(signerCert);
  check.signingTime = cms.signingTime?.toISOString() ?? null;

  const algorithm = cms.digestAlgorithm ?? 'sha256';
  const digest = createHash(algorithm).update(pdf.subarray(0, b)).update(pdf.subarray(c, coveredEnd)).digest();
  check.digestValid = cms.messageDigest !== null && digest.equals(cms.messageDigest);
  if (!check.digestValid) check.problems.push(textRef('verify.problem.digest'));
  try {
    check.signatureValid = verifySignature(algorithm, cms.signedAttributes, signerCert.publicKey, cms.signatureValue);
  } catch {
    check.signatureValid = false;
  }
  if (!check.signatureValid) check.problems.push(textRef('verify.problem.signature'));

  // a trusted timestamp proves when the signature existed; without one the time is only the signer's claim
  const own = timestampOf(cms, anchors, check);
  // without a trusted timestamp of its own, a later document timestamp over it proves when it existed at the latest
  const proven = own.proven ?? provenAt(coveredEnd);
  const { trustProblems } = own;
  check.provenTime = proven?.toISOString() ?? null;
  const at = proven ?? (check.signingTime ? new Date(check.signingTime) : new Date());
  check.certificateValidAtSigning = new Date(signerCert.validFrom) <= at && at <= new Date(signerCert.validTo);
  if (!check.certificateValidAtSigning) check.problems.push(textRef('verify.problem.certificate'));
  // revocation is held against the proven time, else the signer's claimed one: a key revoked before it signed nothing
  const lists = [...crls, ...carriedLists(cms)];
  // the chain from what the signature carries and what the document's validation data holds
  check.trust = checkTrust(
    signerCert,
    [...cms.certificates, ...certificates],
    anchors,
    proven ?? cms.signingTime,
    proven ?? now,
    'document',
    {
      lists,
      at: proven ?? cms.signingTime ?? now,
    },
  );
  check.revoked = (check.trust.revoked ?? []).length > 0;
  check.problems.push(...(check.trust.revoked ?? []));
  if (trustProblems.length > 0)
    check.trust = { ...check.trust, trusted: false, problems: [...check.trust.problems, ...trustProblems] };
}
