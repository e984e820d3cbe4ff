import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The fonts jixiao prints with come from npm (@fontsource), split into subsets by unicode-range.
 * This reads a face's stylesheet once and says which file holds which characters.
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

export function fontSubsets(pkg: FontPackage, weight: '400' | '700'): FontSubset[] {
  const key = `${pkg}/${weight}`;
  let list = cache.get(key);
  if (!list) {
    const dir = fontDir(pkg);
    const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
    list = css
      .split('@font-face')
      .slice(1)
      .flatMap((block) => {
        const file = /url\(\.\/files\/([\w-]+)\.woff2\)/.exec(block)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        if (!file || !range) return [];
        const ranges = range.split(',').map((part): [number, number] => {
          const [low, high] = part.trim().replace(/^U\+/i, '').split('-');
          const lo = parseInt(low ?? '0', 16);
          return [lo, high ? parseInt(high, 16) : lo];
        });
        return [
          {
            css: `@font-face {${block.slice(block.indexOf('{') + 1, block.lastIndexOf('}'))}}`,
            woff2: path.join(dir, 'files', `${file}.woff2`),
            woff: path.join(dir, 'files', `${file}.woff`),
            ranges,
          },
        ];
      });
    cache.set(key, list);
  }
  return list;
}

export function subsetHolding(subsets: FontSubset[], codePoint: number): FontSubset | undefined {
  return subsets.find((s) => s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
}
