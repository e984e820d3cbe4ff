import { readInput, sha256 } from '../load/files';
import { addLongTermValidation, type LtvResult } from '../sign/ltv';
import { revocationLists } from './revocationSources';

/** `jixiao ltv`: a signed form's validation data and document timestamp, as the bytes of its new revision. */
export async function ltvFile(
  pdfFile: string,
  options: { tsa: string; crl: readonly string[] },
): Promise<LtvResult & { readSha256: string }> {
  const pdf = readInput(pdfFile, 'pdf');
  const crls = await revocationLists(options.crl);
  // the hash of what was read: an in-place update replaces the file only if it is still this
  return { ...(await addLongTermValidation({ pdf, file: pdfFile, crls, tsa: options.tsa })), readSha256: sha256(pdf) };
}
