import { readFileSync } from 'node:fs';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { fontSubsets, subsetHolding } from '../domain/fonts';

/** Each subset's bytes, read once. */
const fontBytes = new Map<string, Buffer>();

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
          bytes = readFileSync(subset.woff);
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
