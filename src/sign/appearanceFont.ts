import { readFileSync } from 'node:fs';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { fontSubsets, subsetHolding } from '../domain/fonts';

/**
 * The bundled Noto Sans SC, for the text of a visible signature: embeds what is needed to draw `text` and
 * splits it into runs, each drawn with the subset that holds its characters.
 */
export class AppearanceFonts {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(fontkit as never);
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
        font = await this.doc.embedFont(readFileSync(subset.woff), { subset: true });
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
