import { readSealImage } from './sealImage';
import { readInput, sha256 } from '../load/files';
import * as path from 'node:path';
import type { Role, SignRole } from '../domain/glossary';
import { certificatePem, makeTestP12 } from '../sign/keygen';
import { signPdf } from '../sign/sign';

export interface SignFileOptions {
  p12: string;
  password: string;
  role: SignRole;
  reason?: string;
  location?: string;
  seal?: string;
  allowExpired?: boolean;
  allowNameMismatch?: boolean;
  tsa?: string;
  /** Tests only: sign over changes made after the last signature, as a careless tool would (see SignRequest). */
  signOnTopOfChanges?: boolean;
}

/** Signs a PDF file for one role; returns the new bytes (the CLI writes them) and the hash of the bytes it read. */
export async function signFile(pdfFile: string, options: SignFileOptions) {
  const seal = options.seal ? readSealImage(options.seal) : undefined;
  const pdf = readInput(pdfFile, 'pdf');
  const signed = await signPdf({
    pdf,
    file: pdfFile,
    p12: readInput(options.p12, 'p12'),
    p12File: options.p12,
    password: options.password,
    role: options.role,
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.location !== undefined ? { location: options.location } : {}),
    ...(seal ? { seal } : {}),
    ...(options.allowExpired ? { allowExpired: true } : {}),
    ...(options.allowNameMismatch ? { allowNameMismatch: true } : {}),
    ...(options.tsa !== undefined ? { tsa: options.tsa } : {}),
    ...(options.signOnTopOfChanges ? { signOnTopOfChanges: true } : {}),
  });
  return { ...signed, readSha256: sha256(pdf) };
}

/** A key held in memory (the web page's signer): its name is only for messages. */
export interface KeyInMemory {
  p12: Uint8Array;
  p12Name: string;
  password: string;
  role: Role;
}

/** Signs PDF bytes with a key held in memory, by the same code as `jixiao sign`; nothing is read from or written to disk. */
export async function signBytes(pdf: Uint8Array, pdfName: string, key: KeyInMemory) {
  return signPdf({ pdf, file: pdfName, p12: key.p12, p12File: key.p12Name, password: key.password, role: key.role });
}

export interface KeygenFileOptions {
  commonName: string;
  password: string;
  ca?: boolean;
  issuer?: { file: string; password: string };
  days?: number;
  notBefore?: Date;
}

/** A test certificate as PKCS#12 bytes, and its certificate as PEM. */
export function keygen(options: KeygenFileOptions): { p12: Uint8Array; pem: string } {
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const p12 = makeTestP12(
    {
      commonName: options.commonName,
      ...(options.ca ? { ca: true } : {}),
      ...(options.issuer
        ? {
            issuer: {
              p12: readInput(options.issuer.file, 'p12'),
              password: options.issuer.password,
              file: options.issuer.file,
            },
          }
        : {}),
      notBefore,
      ...(options.days !== undefined ? { notAfter: new Date(notBefore.getTime() + options.days * 24 * 3600_000) } : {}),
    },
    options.password,
  );
  return { p12, pem: certificatePem(p12, options.password, path.basename(options.commonName)) };
}
