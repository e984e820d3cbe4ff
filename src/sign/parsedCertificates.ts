import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';

/** How many parsed certificates are kept: a year of forms from a province's few CAs fits many times over. */
const KEPT = 512;

const byFingerprint = new Map<string, pkijs.Certificate>();
const byDer = new Map<string, X509Certificate>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const found = cache.get(key);
  if (found) return found;
  const made = make();
  cache.set(key, made);
  // the oldest first out: a Map keeps insertion order
  if (cache.size > KEPT) cache.delete(cache.keys().next().value ?? '');
  return made;
}

/**
 * A certificate as pkijs reads it (its extensions, names), parsed once per certificate: the same CA certificate
 * comes with every signature of every form, and the ASN.1 parse was most of a verification's time.
 */
export function pkijsCertificate(cert: X509Certificate): pkijs.Certificate {
  return remember(byFingerprint, cert.fingerprint256, () => pkijs.Certificate.fromBER(new Uint8Array(cert.raw)));
}

/** A certificate as node reads it, from its DER, parsed once per certificate (keyed by the whole DER). */
export function x509Certificate(der: Uint8Array): X509Certificate {
  return remember(byDer, Buffer.from(der).toString('base64'), () => new X509Certificate(Buffer.from(der)));
}
