// The printed text of a PDF's pages with where each word stands, read with PDF.js (pdfjs-dist): what a reader sees,
// to be held against the data the file embeds.

/** A run of characters printed side by side on one line: its text and its box in PDF points (origin bottom left). */
export interface PrintedWord {
  text: string;
  x: number;
  right: number;
  y: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

interface PdfJs {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported: boolean;
    disableFontFace: boolean;
    useSystemFonts: boolean;
    verbosity: number;
    disableAutoFetch: boolean;
    disableStream: boolean;
  }): {
    promise: Promise<{
      numPages: number;
      getPage(
        n: number,
      ): Promise<{ getTextContent(options: { disableNormalization: boolean }): Promise<{ items: unknown[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

let pdfjs: PdfJs | undefined;

/** PDF.js's Node build, loaded once. It says on the console that it cannot draw without `canvas`: text needs no drawing. */
function library(): PdfJs {
  if (pdfjs) return pdfjs;
  // the only console access in the rooms below the CLI: PDF.js's load-time notices would land in verify's output
  /* eslint-disable no-console */
  const log = console.log;
  console.log = () => undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
  } finally {
    console.log = log;
  }
  /* eslint-enable no-console */
  return pdfjs;
}

/** Characters closer than this (points) are one word: PDF.js gives CJK text one character at a time. */
const JOIN_GAP = 1.5;
const SAME_LINE = 1;

/** Every page's words, in reading order (top to bottom, left to right). */
export async function printedWords(pdf: Uint8Array): Promise<PrintedWord[][]> {
  const doc = await library().getDocument({
    data: Uint8Array.from(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // the whole file is in memory: no ranges to fetch or stream (a quarter of the reading time)
    disableAutoFetch: true,
    disableStream: true,
  }).promise;
  try {
    const pages: PrintedWord[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      // the text as printed: no ligature or compatibility normalisation (the same words, read faster)
      const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string' && i.str.trim() !== '');
      // the transform's last two numbers are where the text starts: top to bottom, then left to right
      const xOf = (item: TextItem): number => item.transform[4] ?? 0;
      const yOf = (item: TextItem): number => item.transform[5] ?? 0;
      items.sort((a, b) => yOf(b) - yOf(a) || xOf(a) - xOf(b));
      const words: PrintedWord[] = [];
      for (const item of items) {
        const x = xOf(item);
        const y = yOf(item);
        const last = words[words.length - 1];
        if (last && Math.abs(last.y - y) < SAME_LINE && x - last.right < JOIN_GAP && x >= last.x) {
          last.text += item.str;
          last.right = x + item.width;
        } else words.push({ text: item.str, x, right: x + item.width, y });
      }
      pages.push(words);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
