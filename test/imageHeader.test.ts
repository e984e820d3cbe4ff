import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { imageHeader } from '../src/domain/imageHeader';
import { ROOT } from './helpers';

describe('image headers: type and size from the first bytes', () => {
  test('the example seal PNG', () => {
    const header = imageHeader(readFileSync(path.join(ROOT, 'examples/water-2023/seal.png')));
    expect(header?.type).toBe('png');
    expect(header!.width).toBeGreaterThan(0);
    expect(header!.height).toBeGreaterThan(0);
  });

  test('a JPEG: segments are skipped up to the start-of-frame, which holds height then width', () => {
    const app0 = [
      0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    ];
    const sof2 = [
      0xff, 0xc2, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    ];
    expect(imageHeader(Uint8Array.from([0xff, 0xd8, ...app0, ...sof2, 0xff, 0xd9]))).toEqual({
      type: 'jpeg',
      width: 200,
      height: 300,
    });
  });

  test('anything else is not an image: text, a GIF, a PNG cut before its header, a JPEG without a frame', () => {
    expect(imageHeader(Buffer.from('not a picture'))).toBeNull();
    expect(imageHeader(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
    expect(imageHeader(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(
      imageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9, 0, 0, 0])),
    ).toBeNull();
  });
});
