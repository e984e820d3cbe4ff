import { imageHeader } from '../domain/imageHeader';
import type { SourceLocation } from '../domain/model';
import { inputError } from '../errors/diagnostic';

/** The largest seal image in pixels either way: a seal prints about 3 cm wide, 300 px is already sharp. */
const MAX_SEAL_PIXELS = 2000;

export interface SealImage {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
  path: string;
}

/**
 * A seal image, checked by its content before any library decodes it: PNG or JPEG (whatever its name says) and
 * at most 2000×2000 pixels — a 20000×20000 PNG would take seconds and gigabytes. (The 1 MB limit is the reader's.)
 */
export function checkedSealImage(bytes: Uint8Array, path: string, where?: SourceLocation): SealImage {
  const header = imageHeader(Buffer.from(bytes));
  if (!header || header.width === 0 || header.height === 0) throw inputError('SEAL_FORMAT', { path }, where);
  if (header.width > MAX_SEAL_PIXELS || header.height > MAX_SEAL_PIXELS)
    throw inputError('SEAL_TOO_LARGE', { path, width: header.width, height: header.height }, where);
  return { bytes, type: header.type, path };
}
