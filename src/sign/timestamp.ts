import { createHash, randomBytes, verify as verifySignature, type X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { inputError } from '../errors/diagnostic';
import { textRef, type TextRef } from '../errors/texts';
import { digestName, OID, readSignedData } from './cms';
import { contentsOf, wellFormedRange } from './placeholder';
import { checkTrust, commonName, type TrustCheck } from './trust';

/** id-kp-timeStamping: a TSA's certificate must be issued for time-stamping and nothing else (RFC 3161 §2.3). */
const OID_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
/** A TSA that does not answer within this is reported, not waited on. */
const TSA_TIMEOUT_MS = 15_000;
/** Errors of a connection that closed before any answer: nothing was stamped, so asking again is safe. */
const CONNECTION_DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Asks a time-stamping authority (RFC 3161 over HTTP) for a token over a signature value: the token proves the
 * signature existed at the TSA's time, so it stays valid after the signer's certificate expires. The answer is
 * checked (status, nonce, imprint) before it is used.
 */
export async function requestTimestamp(url: string, signatureValue: Buffer): Promise<pkijs.ContentInfo> {
  const fail = (detail: string): Error => inputError('TSA_FAILED', { url, detail });
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw fail('not an http(s) URL');
  const nonce = randomBytes(8);
  nonce.writeUInt8(nonce.readUInt8(0) & 0x7f, 0); // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({
        valueHex: new Uint8Array(createHash('sha256').update(signatureValue).digest()),
      }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce) }),
    certReq: true,
  });
  const body = Buffer.from(request.toSchema().toBER());
  let answer: Response | undefined;
  for (let attempt = 1; !answer; attempt++) {
    try {
      answer = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/timestamp-query' },
        body,
        signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      // a kept-alive connection the server closed just as it was reused is asked again once on a new one
      if (attempt === 1 && cause?.code !== undefined && CONNECTION_DROPPED.has(cause.code)) continue;
      throw fail(cause?.code ?? cause?.message ?? (error as Error).message);
    }
  }
  if (!answer.ok) throw fail(`HTTP ${answer.status}`);
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(new Uint8Array(await answer.arrayBuffer()));
  } catch {
    throw fail('not a TimeStampResp');
  }
  // 0 granted, 1 granted with modifications; anything else is a refusal, with the TSA's words
  if (response.status.status > 1 || !response.timeStampToken) {
    const words = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw fail(`status ${response.status.status}${words ? `: ${words}` : ''}`);
  }
  const info = pkijs.TSTInfo.fromBER(new Uint8Array(readSignedData(response.timeStampToken).content ?? []));
  if (
    !info.nonce ||
    !Buffer.from(info.nonce.valueBlock.valueHexView).equals(Buffer.from(request.nonce?.valueBlock.valueHexView ?? []))
  )
    throw fail('nonce differs');
  if (!imprintMatches(info, signatureValue)) throw fail('imprint differs');
  return response.timeStampToken;
}

function imprintMatches(info: pkijs.TSTInfo, signatureValue: Buffer): boolean {
  const algorithm = digestName(info.messageImprint.hashAlgorithm.algorithmId);
  if (!algorithm) return false;
  return createHash(algorithm)
    .update(signatureValue)
    .digest()
    .equals(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView));
}

/** What a signature's timestamp token proves, and whether it holds. */
export interface TimestampCheck {
  /** The TSA's time (genTime), ISO. */
  time: string;
  /** The TSA's name (its certificate's CN). */
  authority: string;
  /** The token is over this signature and its own signature verifies with a time-stamping certificate. */
  valid: boolean;
  /** The TSA's chain to a trusted anchor, at its time. */
  trust: TrustCheck;
  problems: TextRef[];
}

/** A timestamp nothing is known of yet. */
const unchecked = (): TimestampCheck => ({
  time: '',
  authority: '',
  valid: false,
  trust: { trusted: null, chain: [], problems: [] },
  problems: [],
});

/**
 * Checks a timestamp token against the signature value it should cover: the imprint, the token's CMS
 * signature and digest, the TSA certificate's purpose (timeStamping), and the TSA's chain to an anchor.
 */
export function checkTimestamp(
  token: pkijs.ContentInfo,
  signatureValue: Buffer,
  anchors: X509Certificate[],
): TimestampCheck {
  const check = unchecked();
  try {
    const signed = readSignedData(token);
    if (!signed.content) throw new Error('no TSTInfo');
    const info = pkijs.TSTInfo.fromBER(new Uint8Array(signed.content));
    check.time = info.genTime.toISOString();
    const tsa = signed.signerCertificate;
    if (!tsa) throw new Error('TSA certificate missing');
    check.authority = commonName(tsa);
    const algorithm = signed.digestAlgorithm ?? 'sha256';
    const digestHolds =
      signed.messageDigest !== null &&
      createHash(algorithm).update(signed.content).digest().equals(signed.messageDigest);
    const signatureHolds = verifySignature(algorithm, signed.signedAttributes, tsa.publicKey, signed.signatureValue);
    const forTimeStamping = (tsa.keyUsage ?? []).includes(OID_TIME_STAMPING);
    if (!imprintMatches(info, signatureValue)) check.problems.push(textRef('verify.problem.timestampImprint'));
    if (!digestHolds || !signatureHolds) check.problems.push(textRef('verify.problem.timestampSignature'));
    if (!forTimeStamping) check.problems.push(textRef('verify.problem.timestampPurpose', { name: check.authority }));
    check.valid = check.problems.length === 0;
    // the TSA's certificate is judged at the time it vouches for
    if (anchors.length > 0)
      check.trust = checkTrust(tsa, signed.certificates, anchors, info.genTime, info.genTime, 'timestamp');
  } catch (error) {
    check.problems.push(textRef('verify.problem.timestampUnreadable', { detail: (error as Error).message }));
  }
  return check;
}

/**
 * A document timestamp (PAdES B-LTA, /SubFilter /ETSI.RFC3161): its token's imprint is the hash of the bytes its
 * byte range covers — the whole file as it stood, signatures and validation data included.
 */
export function checkDocumentTimestamp(
  pdf: Buffer,
  range: readonly number[],
  anchors: X509Certificate[],
): TimestampCheck & { rangeValid: boolean } {
  const [, b = 0, c = 0, d = 0] = range;
  const rangeValid = wellFormedRange(pdf, range);
  if (!rangeValid) return { ...unchecked(), rangeValid, problems: [textRef('verify.problem.range')] };
  let token: pkijs.ContentInfo;
  try {
    token = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(contentsOf(pdf, range))).result });
  } catch (error) {
    const detail = (error as Error).message;
    return { ...unchecked(), rangeValid, problems: [textRef('verify.problem.timestampUnreadable', { detail })] };
  }
  const covered = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  return { ...checkTimestamp(token, covered, anchors), rangeValid };
}
