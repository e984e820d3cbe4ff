import { imageHeader } from '../domain/imageHeader';
import type { SourceLocation } from '../domain/model';
import { inputError } from '../errors/diagnostic';
import { readInput } from '../load/files';

/** The largest seal image in pixels either way: a seal prints about 3 cm wide, 300 px is already sharp. */
const MAX_SEAL_PIXELS = 2000;

/**
 * A seal image, checked by its content before any library decodes it: PNG or JPEG (whatever its name says),
 * at most 1 MB (the image input limit) and 2000×2000 pixels — a 20000×20000 PNG would take seconds and gigabytes.
 */
export function readSealImage(file: string, where?: SourceLocation): { bytes: Buffer; type: 'png' | 'jpeg'; path: string } {
  const bytes = readInput(file, 'image', where);
  const header = imageHeader(bytes);
  if (!header || header.width === 0 || header.height === 0) throw inputError('SEAL_FORMAT', { path: file }, where);
  if (header.width > MAX_SEAL_PIXELS || header.height > MAX_SEAL_PIXELS) throw inputError('SEAL_TOO_LARGE', { path: file, width: header.width, height: header.height }, where);
  return { bytes, type: header.type, path: file };
}
