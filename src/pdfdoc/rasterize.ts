import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A page as a reader sees it, in grey levels (0 black … 255 white), one byte a pixel. */
export interface GreyPage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A grey level further than this from the other page's is a pixel that differs (anti-aliasing stays below it). */
const GREY_TOLERANCE = 96;

/**
 * Draws every page as poppler's pdftoppm does for a reader, without the annotations (the signatures' faces are
 * not what was printed), in grey at `dpi`. Null when pdftoppm is not installed.
 */
export function rasterizePages(pdf: Uint8Array, dpi: number): GreyPage[] | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-raster-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    const run = spawnSync('pdftoppm', ['-gray', '-hide-annotations', '-r', String(dpi), 'in.pdf', 'page'], {
      cwd: dir,
      stdio: 'pipe',
    });
    if (run.error) return null;
    if (run.status !== 0) throw new Error(`pdftoppm: ${run.stderr.toString().trim()}`);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => pageNumber(a) - pageNumber(b))
      .map((f) => readPgm(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageNumber = (file: string): number => Number(/-(\d+)\.pgm$/.exec(file)?.[1] ?? 0);

/** A binary PGM (P5, 8-bit): its header's three numbers, then the pixels. */
function readPgm(bytes: Buffer): GreyPage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pdftoppm wrote no 8-bit PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** How two pages differ: the share (0–1) of pixels drawn differently, and the most in any one 16×16 tile. */
export interface PageDifference {
  share: number;
  /** Scattered pixels (anti-aliasing) never gather; a digit, a box or a line drawn over the page does. */
  worstTile: number;
}

const TILE = 16;

/** Compares two pages pixel by pixel; pages of different sizes differ wholly. */
export function pageDifference(a: GreyPage, b: GreyPage): PageDifference {
  if (a.width !== b.width || a.height !== b.height) return { share: 1, worstTile: TILE * TILE };
  const columns = Math.ceil(a.width / TILE);
  const tiles = new Uint16Array(columns * Math.ceil(a.height / TILE));
  let differ = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) <= GREY_TOLERANCE) continue;
    differ++;
    const tile = Math.floor(Math.floor(i / a.width) / TILE) * columns + Math.floor((i % a.width) / TILE);
    tiles[tile] = (tiles[tile] ?? 0) + 1;
  }
  return { share: a.pixels.length === 0 ? 0 : differ / a.pixels.length, worstTile: Math.max(0, ...tiles) };
}
