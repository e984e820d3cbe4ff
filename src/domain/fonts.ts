import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The fonts jixiao prints with come from npm (@fontsource), split into subsets by unicode-range.
 * This reads a face's subset data once and says which file holds which characters.
 */
export type FontPackage = 'noto-serif-sc' | 'noto-sans-sc';

export interface FontSubset {
  /** The @font-face block as the package wrote it. */
  css: string;
  /** Absolute paths of the subset in each format. */
  woff2: string;
  woff: string;
  ranges: [number, number][];
}

export function fontDir(pkg: FontPackage): string {
  return path.dirname(require.resolve(`@fontsource/${pkg}/package.json`));
}

const cache = new Map<string, FontSubset[]>();

/** `U+4e00-4e0f,U+ff01` → [[0x4e00, 0x4e0f], [0xff01, 0xff01]]. */
function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part): [number, number] => {
    const [low, high] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(low ?? '0', 16);
    return [lo, high ? parseInt(high, 16) : lo];
  });
}

/**
 * The subsets of one face, from the package's own data (unicode.json: subset → unicode-range, metadata.json:
 * family), not from re-reading its CSS; the @font-face rule for each is written here from the same data.
 */
export function fontSubsets(pkg: FontPackage, weight: '400' | '700'): FontSubset[] {
  const key = `${pkg}/${weight}`;
  let list = cache.get(key);
  if (!list) {
    const dir = fontDir(pkg);
    const unicode = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const { family } = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as { family: string };
    list = Object.entries(unicode).map(([subset, range]) => {
      const base = path.join(dir, 'files', `${pkg}-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal`);
      const css = [
        '@font-face {',
        `  font-family: '${family}';`,
        '  font-style: normal;',
        '  font-display: swap;',
        `  font-weight: ${weight};`,
        `  src: url(./files/${path.basename(base)}.woff2) format('woff2'), url(./files/${path.basename(base)}.woff) format('woff');`,
        `  unicode-range: ${range};`,
        '}',
      ].join('\n');
      return { css, woff2: `${base}.woff2`, woff: `${base}.woff`, ranges: parseRanges(range) };
    });
    cache.set(key, list);
  }
  return list;
}

export function subsetHolding(subsets: FontSubset[], codePoint: number): FontSubset | undefined {
  return subsets.find((s) => s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
}

/**
 * Whether the bundled faces can draw a character (or need not: spaces and control characters). A character
 * they cannot draw would come from whatever system font the machine has, or as tofu: callers warn instead.
 */
export function bundledFontsCover(codePoint: number): boolean {
  let covered = coverage.get(codePoint);
  if (covered === undefined) {
    covered =
      codePoint < 0x20 ||
      codePoint === 0x7f ||
      /\s/u.test(String.fromCodePoint(codePoint)) ||
      (subsetHolding(fontSubsets('noto-serif-sc', '400'), codePoint) !== undefined &&
        subsetHolding(fontSubsets('noto-sans-sc', '400'), codePoint) !== undefined);
    coverage.set(codePoint, covered);
  }
  return covered;
}

/**
 * Each code point's answer, once: the subsets hold thousands of ranges, and every printed form asks about the
 * same few hundred characters (a scan per character made printing ten times slower than the browser).
 */
const coverage = new Map<number, boolean>();

/** The answers for the Basic Multilingual Plane by UTF-16 unit (0 not asked yet, 1 drawn, 2 not): a form's page is read unit by unit. */
const bmpCoverage = new Uint8Array(0x10000);

/** The distinct characters of a text that the bundled faces cannot draw, in order of first appearance. */
export function uncoveredCharacters(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
    if (pair > 0xffff) {
      // a character outside the plane takes two units
      if (!bundledFontsCover(pair)) out.add(String.fromCodePoint(pair));
      i++;
      continue;
    }
    let known = bmpCoverage[unit] ?? 0;
    if (known === 0) known = bmpCoverage[unit] = bundledFontsCover(unit) ? 1 : 2;
    if (known === 2) out.add(String.fromCharCode(unit));
  }
  return [...out];
}
