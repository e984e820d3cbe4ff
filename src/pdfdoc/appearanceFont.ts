import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { fontSubsets, subsetHolding } from '../domain/fonts';

/** Each subset's bytes, read once and unpacked from WOFF. */
const fontBytes = new Map<string, Buffer>();

/**
 * The plain OpenType font inside a WOFF file (W3C WOFF 1.0 §3–5): each table inflated once. fontkit reads a
 * WOFF table by inflating it again at every access, and subsetting reads the glyph table once per glyph.
 */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compressed, length] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const stored = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
  const head = Buffer.alloc(12 + count * 16);
  woff.copy(head, 0, 4, 8); // the flavour is the sfnt version
  const power = 2 ** Math.floor(Math.log2(count));
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    table.tag.copy(head, at);
    head.writeUInt32BE(table.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/**
 * fontkit with its parsed fonts kept: pdf-lib parses the font again for every document, and parsing a WOFF
 * inflates every table (a 草稿 watermark or a signature then spent most of its time decompressing the same font).
 * A parsed font is only read from; each document still gets its own subset.
 */
const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
const cachingFontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string): unknown {
    let byName = parsed.get(data);
    if (!byName) {
      byName = new Map();
      parsed.set(data, byName);
    }
    const key = postscriptName ?? '';
    if (!byName.has(key)) byName.set(key, fontkit.create(data as Buffer, postscriptName));
    return byName.get(key);
  },
};

/**
 * The bundled Noto Sans SC, for the text of a visible signature: embeds what is needed to draw `text` and
 * splits it into runs, each drawn with the subset that holds its characters.
 */
export class AppearanceFonts {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(cachingFontkit as never);
  }

  async runs(text: string): Promise<{ text: string; font: PDFFont }[]> {
    const out: { text: string; font: PDFFont }[] = [];
    for (const ch of text) {
      const subsets = fontSubsets('noto-sans-sc', '400');
      const subset = subsetHolding(subsets, ch.codePointAt(0) ?? 0x3f) ?? subsetHolding(subsets, 0x3f);
      if (!subset) continue;
      // WOFF (not WOFF2): fontkit subsets its glyphs correctly only from untransformed tables
      let font = this.embedded.get(subset.woff);
      if (!font) {
        let bytes = fontBytes.get(subset.woff);
        if (!bytes) {
          bytes = woffToSfnt(readFileSync(subset.woff));
          fontBytes.set(subset.woff, bytes);
        }
        font = await this.doc.embedFont(bytes, { subset: true });
        this.embedded.set(subset.woff, font);
      }
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out;
  }

  fonts(): PDFFont[] {
    return [...this.embedded.values()];
  }
}
