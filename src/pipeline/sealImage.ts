import type { SourceLocation } from '../domain/model';
import { readInput } from '../load/files';
import { checkedSealImage } from '../sign/sealImage';

/** A seal image file: at most 1 MB (the image input limit), then checked by its content (PNG/JPEG, ≤ 2000×2000 px). */
export function readSealImage(
  file: string,
  where?: SourceLocation,
): { bytes: Buffer; type: 'png' | 'jpeg'; path: string } {
  const bytes = readInput(file, 'image', where);
  return { ...checkedSealImage(bytes, file, where), bytes };
}
