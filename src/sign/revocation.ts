import { sign as rsaSign, verify as rsaVerify, type KeyObject, type X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beijingClock } from '../domain/beijingTime';
import { textRef, type TextRef } from '../errors/texts';
import { OID } from './cms';
import { pkijsCertificate } from './parsedCertificates';

/** A certificate revocation list (RFC 5280 §5), read: who issued it, what it revokes and since when. */
export interface RevocationList {
  crl: pkijs.CertificateRevocationList;
  /** Revoked serial numbers (upper-case hex, no leading zeros) and when each was revoked. */
  revoked: Map<string, Date>;
  thisUpdate: Date;
  der: Buffer;
}

const serialKey = (hex: string): string => hex.toUpperCase().replace(/^0+(?=.)/, '');

/** A CRL from DER or PEM bytes; throws when the bytes are not one. */
export function readRevocationList(bytes: Buffer): RevocationList {
  const pem = /-----BEGIN X509 CRL-----([\s\S]+?)-----END X509 CRL-----/.exec(bytes.toString('latin1'));
  const der = pem ? Buffer.from((pem[1] ?? '').replace(/\s+/g, ''), 'base64') : bytes;
  const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  const revoked = new Map<string, Date>();
  for (const entry of crl.revokedCertificates ?? [])
    revoked.set(
      serialKey(Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString('hex')),
      entry.revocationDate.value,
    );
  return { crl, revoked, thisUpdate: crl.thisUpdate.value, der: Buffer.from(der) };
}

/** The CRL as PEM, as openssl writes it. */
export function revocationListPem(list: RevocationList): string {
  const lines = list.der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`;
}

/** A CRL time as RFC 5280 §5.1.2.4 asks: UTCTime until 2049, GeneralizedTime after, in whole seconds. */
function timeOf(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/**
 * A CRL issued by a CA (its certificate and key): every serial of `revoke` (with its revocation date) and those
 * of `previous` (a CRL it issued before), valid for `days` from `now`. Signed with SHA-256 and RSA by node.
 */
export function issueRevocationList(
  issuer: X509Certificate,
  key: KeyObject,
  revoke: { serialNumber: string; at: Date }[],
  options: { previous?: RevocationList; now?: Date; days?: number } = {},
): RevocationList {
  const now = options.now ?? new Date();
  const entries = new Map<string, Date>(options.previous?.revoked ?? []);
  for (const r of revoke) entries.set(serialKey(r.serialNumber), r.at);
  const algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.sha256WithRSA,
    algorithmParams: new asn1js.Null(),
  });
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: algorithm,
    signatureAlgorithm: algorithm,
    issuer: pkijs.Certificate.fromBER(new Uint8Array(issuer.raw)).subject,
    thisUpdate: timeOf(now),
    nextUpdate: timeOf(new Date(now.getTime() + (options.days ?? 30) * 86_400_000)),
    revokedCertificates: [...entries].map(
      ([serial, at]) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({
            valueHex: Buffer.from(serial.length % 2 ? `0${serial}` : serial, 'hex'),
          }),
          revocationDate: timeOf(at),
        }),
    ),
  });
  // the to-be-signed part, encoded from the fields above (the whole list's first element)
  const tbs = (crl.toSchema(true) as asn1js.Sequence).valueBlock.value[0];
  if (!tbs) throw new Error('CRL has no tbsCertList');
  crl.tbsView = new Uint8Array(tbs.toBER());
  crl.signatureValue = new asn1js.BitString({ valueHex: rsaSign('sha256', crl.tbsView, key) });
  return readRevocationList(Buffer.from(crl.toSchema().toBER()));
}

/** Whether `list` was issued by `issuer`: the same name, and its signature verifies with the issuer's key. */
export function issuedBy(list: RevocationList, issuer: X509Certificate): boolean {
  const name = pkijsCertificate(issuer).subject;
  if (!list.crl.issuer.isEqual(name)) return false;
  const signature = Buffer.from(list.crl.signatureValue.valueBlock.valueHexView);
  try {
    return rsaVerify('sha256', list.crl.tbsView, issuer.publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * Each certificate of a path (signer first, the trusted root last) against the CRLs its issuer signed: one revoked
 * at or before `at` (the trusted timestamp, or the signing time when there is none) makes the signature fail, with
 * the revocation date. A CRL not signed by the certificate's issuer is not evidence either way.
 */
export function revocationProblems(
  path: readonly X509Certificate[],
  lists: readonly RevocationList[],
  at: Date,
): TextRef[] {
  const problems: TextRef[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i];
    const issuer = path[i + 1];
    if (!cert || !issuer) continue;
    for (const list of lists) {
      const since = list.revoked.get(serialKey(cert.serialNumber));
      if (!since || !issuedBy(list, issuer)) continue;
      if (since <= at)
        problems.push(
          textRef('verify.problem.revoked', {
            name: /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? cert.subject,
            date: beijingClock(since.toISOString()),
          }),
        );
      break;
    }
  }
  return problems;
}
