import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { tempDir } from './helpers';

/** The real poppler and qpdf tools, as a reader of the PDF would use them. */
export function pdfText(file: string, page?: number): string {
  const args = ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the last five columns are fixed
    const [emb] = cols.slice(-5);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
  });
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function rasterize(file: string, page: number, dpi: number): PNG {
  const dir = tempDir('jixiao-png-');
  const prefix = path.join(dir, 'p');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

/** Share of pixels that differ beyond pixelmatch's colour threshold (0 = identical). */
export function pixelDifference(a: PNG, b: PNG, diffFile?: string): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (diffFile) writeFileSync(diffFile, PNG.sync.write(diff));
  return changed / (a.width * a.height);
}
