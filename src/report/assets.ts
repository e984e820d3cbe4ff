import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { TEMPLATES_DIR } from '../domain/paths';
import { fontDir, fontSubsets } from '../domain/fonts';

/**
 * The fonts every form is printed with, from npm (never the system's), so a PDF looks the same on every machine.
 * Two faces only: serif regular for the body, sans bold for headings. Each face is dozens of subsets; fewer faces print faster.
 */
const FONT_FACES = [
  ['noto-serif-sc', '400'],
  ['noto-sans-sc', '700'],
] as const;

let fontsCss: string | undefined;

/** @font-face rules of the bundled fonts, pointing at the page's own asset URLs (woff2 only). */
export function fontFaceCss(): string {
  fontsCss ??= FONT_FACES.flatMap(([pkg, weight]) =>
    fontSubsets(pkg, weight).map((s) =>
      s.css.replace(/src:[^;]+;/, `src: url(/assets/fonts/${pkg}/${path.basename(s.woff2)}) format('woff2');`),
    ),
  ).join('\n');
  return fontsCss;
}

export interface BundledAsset {
  body: Buffer | string;
  contentType: string;
}

const FONT_PATH = /^\/assets\/fonts\/(noto-serif-sc|noto-sans-sc)\/([\w-]+\.woff2)$/;

/** Bundled files never change while jixiao runs: each is read once (a batch asks for the same fonts thousands of times). */
const assetCache = new Map<string, Promise<BundledAsset | null>>();

/** Answers a page request for one of the form's own assets; anything else gets null (and is aborted). */
export function bundledAsset(pathname: string): Promise<BundledAsset | null> {
  let asset = assetCache.get(pathname);
  if (!asset) {
    asset = readAsset(pathname);
    assetCache.set(pathname, asset);
  }
  return asset;
}

async function readAsset(pathname: string): Promise<BundledAsset | null> {
  if (pathname === '/assets/form.css')
    return {
      body: await readFile(path.join(TEMPLATES_DIR, 'form.css'), 'utf8'),
      contentType: 'text/css; charset=utf-8',
    };
  if (pathname === '/assets/fonts.css') return { body: fontFaceCss(), contentType: 'text/css; charset=utf-8' };
  const font = FONT_PATH.exec(pathname);
  if (font?.[2]) {
    try {
      return {
        body: await readFile(path.join(fontDir(font[1] as 'noto-sans-sc'), 'files', font[2])),
        contentType: 'font/woff2',
      };
    } catch {
      return null;
    }
  }
  return null;
}

let printScript: string | undefined;

/** The script the form's page runs before printing: groups cut by a page end go on with （续）. Read once. */
export function formPrintScript(): string {
  printScript ??= readFileSync(path.join(TEMPLATES_DIR, 'print', 'continue-groups.js'), 'utf8');
  return printScript;
}

/** For a standalone HTML file: the same assets as file:// URLs on this machine. */
export function standaloneHtml(html: string): string {
  const css = fontFaceCss().replace(
    /url\(\/assets\/fonts\/([\w-]+)\/([\w-]+\.woff2)\)/g,
    (_m, pkg: string, file: string) => `url(file://${path.join(fontDir(pkg as 'noto-sans-sc'), 'files', file)})`,
  );
  const formCss = readFileSync(path.join(TEMPLATES_DIR, 'form.css'), 'utf8');
  return html
    .replace('<link rel="stylesheet" href="/assets/fonts.css">', `<style>\n${css}\n</style>`)
    .replace('<link rel="stylesheet" href="/assets/form.css">', `<style>\n${formCss}\n</style>`);
}

/**
 * @font-face rules with the font data inlined, for a self-contained HTML file: only the subsets that hold
 * characters of `text` are included, so the file stays small and looks the same on a machine without CJK fonts.
 */
export function inlineFontCss(text: string): string {
  // one pass over the text (a year's work list runs to millions of characters: never spread it into an array)
  const codes = new Set<number>();
  for (const c of text) codes.add(c.codePointAt(0) ?? 0);
  const out: string[] = [];
  for (const [pkg, weight] of [
    ['noto-sans-sc', '400'],
    ['noto-sans-sc', '700'],
  ] as const) {
    for (const subset of fontSubsets(pkg, weight)) {
      if (![...codes].some((c) => subset.ranges.some(([lo, hi]) => c >= lo && c <= hi))) continue;
      const data = readFileSync(subset.woff2).toString('base64');
      out.push(subset.css.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`));
    }
  }
  return out.join('\n');
}
