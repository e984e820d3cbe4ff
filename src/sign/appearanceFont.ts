import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';

/**
 * The bundled Noto Sans SC, for the text of a visible signature. The npm package splits the font into
 * subsets by unicode-range; each run of text is drawn with the subset that holds its characters.
 */
const FONT_PACKAGE = '@fontsource/noto-sans-sc';

interface Subset {
  file: string;
  ranges: [number, number][];
}

let subsets: Subset[] | undefined;

function loadSubsets(): Subset[] {
  const dir = path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  const css = readFileSync(path.join(dir, '400.css'), 'utf8');
  return css
    .split('@font-face')
    .slice(1)
    .flatMap((block) => {
      const file = /url\(\.\/files\/([\w-]+\.woff)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range) return [];
      const ranges = range.split(',').map((part): [number, number] => {
        const [low, high] = part.trim().replace(/^U\+/i, '').split('-');
        const lo = parseInt(low ?? '0', 16);
        return [lo, high ? parseInt(high, 16) : lo];
      });
      return [{ file: path.join(dir, 'files', file), ranges }];
    });
}

function subsetFor(codePoint: number): Subset | undefined {
  subsets ??= loadSubsets();
  return subsets.find((s) => s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
}

/** Embeds what is needed to draw `text` and splits it into runs, each with its font. */
export class AppearanceFonts {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(fontkit as never);
  }

  async runs(text: string): Promise<{ text: string; font: PDFFont }[]> {
    const out: { text: string; font: PDFFont }[] = [];
    for (const ch of text) {
      const subset = subsetFor(ch.codePointAt(0) ?? 0x3f) ?? subsetFor(0x3f);
      if (!subset) continue;
      let font = this.embedded.get(subset.file);
      if (!font) {
        font = await this.doc.embedFont(readFileSync(subset.file), { subset: true });
        this.embedded.set(subset.file, font);
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
