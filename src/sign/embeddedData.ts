import { canonicalJson } from '../domain/canonicalJson';
import { createHash } from 'node:crypto';

/** The name of the JSON file attached to every jixiao PDF. */
export const EMBEDDED_NAME = 'jixiao-data.json';
export const EMBEDDED_FORMAT = 'jixiao-embedded/1';

export { canonicalJson };

export interface SignatureBox {
  role: string;
  /** 0-based page index. */
  page: number;
  /** [x1, y1, x2, y2] in PDF user space (points, origin bottom-left). */
  rect: [number, number, number, number];
}

export interface EmbeddedInput {
  /** The file name as it was given, for messages and for the relative path between them. */
  name: string;
  text: string;
  sha256: string;
}

/** Everything a reviewer needs to re-score the form: the inputs, the result and hashes of each. */
export interface EmbeddedData {
  format: typeof EMBEDDED_FORMAT;
  jixiaoVersion: string;
  createdAt: string;
  inputs: { definitions: EmbeddedInput; actuals: EmbeddedInput; ruleSet: EmbeddedInput & { id: string } };
  result: unknown;
  resultSha256: string;
  signatureBoxes: SignatureBox[];
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function embeddedInput(name: string, text: string): EmbeddedInput {
  return { name, text, sha256: sha256Hex(text) };
}

