/**
 * What an image file says about itself in its first bytes: PNG or JPEG, and its size in pixels. Read before
 * any library decodes it, so a file that only claims to be an image (or a 20000×20000 one) is refused cheaply.
 */
export interface ImageHeader {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** JPEG start-of-frame markers (baseline, progressive, lossless…), which carry the image size. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function imageHeader(bytes: Uint8Array): ImageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: signature, then the IHDR chunk with width and height
  if (
    bytes.length >= 24 &&
    PNG_SIGNATURE.every((b, i) => bytes[i] === b) &&
    String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
  ) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: SOI, then segments until a start-of-frame
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      const marker = bytes[at + 1];
      if (bytes[at] !== 0xff || marker === undefined) return null;
      if (marker === 0xff) {
        at++;
        continue;
      }
      const length = view.getUint16(at + 2);
      if (SOF_MARKERS.has(marker))
        return { type: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      if (length < 2) return null;
      at += 2 + length;
    }
  }
  return null;
}
