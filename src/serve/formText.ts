import { readFileSync } from 'node:fs';
import { InputError } from '../errors/diagnostic';
import { readSource } from '../load/files';
import { sha256Hex } from '../pipeline';
import type { FolderFile } from './folder';

/** An actuals file as the web form reads it: its text decoded as the loader decodes it, its data, and the hash of its bytes. */
export interface FormText {
  text: string;
  data: unknown;
  /** SHA-256 of the bytes on disk: what a save compares against, so a change by anyone else is seen. */
  hash: string;
}

/** Reads an actuals file through the loader's reader (size limit, encodings, YAML syntax); a file it cannot read is refused with its places. */
export function readFormText(file: FolderFile): FormText {
  const doc = readSource(file.absolute);
  const fatal = doc.diagnostics.filter((d) => d.severity === 'error');
  if (doc.data === undefined && fatal.length > 0) throw new InputError(fatal);
  return { text: doc.text, data: doc.data, hash: sha256Hex(readFileSync(file.absolute)) };
}
