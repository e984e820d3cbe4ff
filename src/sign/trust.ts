import { X509Certificate } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { inputError } from '../errors/diagnostic';
import { beijingClock } from '../domain/beijingTime';
import { SIGNATURE } from '../domain/formWording';
import { textRef, type TextRef } from '../errors/texts';
import { pathPolicyProblems } from './certificatePolicy';
import { revocationProblems, type RevocationList } from './revocation';
import { pkijsCertificate } from './parsedCertificates';

/** What a certificate may be used for, from its extensions (read with pkijs, not by hand). */
interface Usage {
  isCa: boolean;
  /** The keyUsage bits present, or null when the certificate has no keyUsage extension (any use). */
  keyUsage: Set<'digitalSignature' | 'nonRepudiation' | 'keyCertSign'> | null;
}

const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KEY_USAGE = '2.5.29.15';

function usageOf(cert: X509Certificate): Usage {
  const parsed = pkijsCertificate(cert);
  const usage: Usage = { isCa: false, keyUsage: null };
  for (const extension of parsed.extensions ?? []) {
    if (extension.extnID === OID_BASIC_CONSTRAINTS)
      usage.isCa = (extension.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
    if (extension.extnID === OID_KEY_USAGE) {
      const bits = new Uint8Array(
        (extension.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView,
      );
      const first = bits[0] ?? 0;
      usage.keyUsage = new Set();
      // KeyUsage ::= BIT STRING { digitalSignature (0), nonRepudiation (1), …, keyCertSign (5) }: bit 0 is the byte's top bit
      if (first & 0x80) usage.keyUsage.add('digitalSignature');
      if (first & 0x40) usage.keyUsage.add('nonRepudiation');
      if (first & 0x04) usage.keyUsage.add('keyCertSign');
    }
  }
  return usage;
}

/** The common name of a certificate's subject (or the whole subject when it has none). */
export function commonName(cert: X509Certificate): string {
  return /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? cert.subject.replace(/\n/g, ', ');
}

/** A certificate made by `jixiao keygen` (or any marked the same way) is for tests only and is always shown as such. */
export function isTestCertificate(cert: X509Certificate): boolean {
  return SIGNATURE.testMarker.test(cert.subject) || /^OU=TEST ONLY$/m.test(cert.subject);
}

/**
 * Trust anchors from files the user names: PEM (one or many certificates) or DER. A file that holds no
 * certificate is refused with its name, never skipped: a typo in --trust must not silently trust nothing.
 */
export function parseAnchors(bytes: Buffer, file: string): X509Certificate[] {
  const text = bytes.toString('latin1');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  try {
    const certs = blocks ? blocks.map((b) => new X509Certificate(b)) : [new X509Certificate(bytes)];
    if (certs.length === 0) throw new Error('no certificate');
    return certs;
  } catch {
    throw inputError('TRUST_ANCHOR_UNREADABLE', { path: file });
  }
}

export interface ChainLink {
  name: string;
  fingerprint: string;
  anchor: boolean;
}

/** Whether a signer's certificate leads to a trusted anchor, and why not when it does not. */
export interface TrustCheck {
  /** null when no anchor was given: the question was not asked. */
  trusted: boolean | null;
  chain: ChainLink[];
  problems: TextRef[];
  /** A certificate of the path revoked before the signing time: the signature then fails, whoever trusts the root. */
  revoked?: TextRef[];
}

const shanghaiDay = (iso: string): string => beijingClock(iso).slice(0, 10);

/** Valid at the signer's claimed time and now: without a trusted timestamp the claim alone cannot save an expired certificate. */
function datesProblem(cert: X509Certificate, signingTime: Date | null, now: Date): TextRef | null {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (now > to)
    return textRef('verify.problem.expiredNow', { name: commonName(cert), date: shanghaiDay(cert.validTo) });
  if ((signingTime && (signingTime < from || signingTime > to)) || now < from)
    return textRef('verify.problem.certificateDates', {
      name: commonName(cert),
      from: shanghaiDay(cert.validFrom),
      to: shanghaiDay(cert.validTo),
    });
  return null;
}

const MAX_CHAIN = 8;

/**
 * Builds the chain from the signer's certificate through the certificates the signature carries to one of the
 * anchors: each link's signature must verify with its issuer's key (a CA with the same name but another key is
 * not the issuer), each issuer must be a CA allowed to sign certificates, every certificate valid at the claimed
 * signing time and now. The signer itself must be an end entity allowed to sign: a CA key signing a form directly
 * is refused, even when that CA is trusted.
 */
export function checkTrust(
  signer: X509Certificate,
  carried: X509Certificate[],
  anchors: X509Certificate[],
  signingTime: Date | null,
  now = new Date(),
  /** What the leaf signs: a document (its extended key usage must allow it) or a time stamp (checked by the TSA's rules). */
  purpose: 'document' | 'timestamp' = 'document',
  /** The CRLs at hand and the time they are held against (the trusted timestamp, else the signing time). */
  revocation: { lists: readonly RevocationList[]; at: Date } = { lists: [], at: now },
): TrustCheck {
  const problems: TextRef[] = [];
  const chain: ChainLink[] = [{ name: commonName(signer), fingerprint: signer.fingerprint256, anchor: false }];
  const leaf = usageOf(signer);
  if (leaf.isCa) problems.push(textRef('verify.problem.signerIsCa', { name: commonName(signer) }));
  if (leaf.keyUsage && !leaf.keyUsage.has('digitalSignature') && !leaf.keyUsage.has('nonRepudiation'))
    problems.push(textRef('verify.problem.keyUsage', { name: commonName(signer) }));
  // the claimed signing time is checked with the signature itself; here only what the claim cannot change
  if (now > new Date(signer.validTo))
    problems.push(
      textRef('verify.problem.expiredNow', { name: commonName(signer), date: shanghaiDay(signer.validTo) }),
    );
  if (anchors.length === 0)
    return { trusted: null, chain, problems: [...problems, ...pathPolicyProblems([signer], purpose)] };

  const isAnchor = (c: X509Certificate): boolean => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  const path: X509Certificate[] = [signer];
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const candidates = [...anchors, ...carried].filter(
      (c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey),
    );
    const issuer = candidates.find(isAnchor) ?? candidates[0];
    if (!issuer) {
      const named = /^CN=(.*)$/m.exec(current.issuer)?.[1] ?? current.issuer;
      // a trusted root of the very name the certificate claims, whose key did not sign it: the likeliest forgery
      const sameName = anchors.some((a) => current.checkIssued(a));
      problems.push(
        textRef(sameName ? 'verify.problem.sameNameOtherKey' : 'verify.problem.untrusted', { issuer: named }),
      );
      return { trusted: false, chain, problems };
    }
    const usage = usageOf(issuer);
    if (!usage.isCa || (usage.keyUsage && !usage.keyUsage.has('keyCertSign')))
      problems.push(textRef('verify.problem.issuerNotCa', { name: commonName(issuer) }));
    const issuerDates = datesProblem(issuer, signingTime, now);
    if (issuerDates) problems.push(issuerDates);
    chain.push({ name: commonName(issuer), fingerprint: issuer.fingerprint256, anchor: isAnchor(issuer) });
    path.push(issuer);
    if (isAnchor(issuer)) {
      // the whole path found: what RFC 5280 asks beyond signatures and dates (path lengths, critical extensions, purpose)
      problems.push(...pathPolicyProblems(path, purpose));
      const revoked = revocationProblems(path, revocation.lists, revocation.at);
      return { trusted: problems.length === 0, chain, problems, ...(revoked.length > 0 ? { revoked } : {}) };
    }
    current = issuer;
  }
  problems.push(textRef('verify.problem.untrusted', { issuer: commonName(current) }));
  return { trusted: false, chain, problems };
}
