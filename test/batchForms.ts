import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateForm } from '../scripts/generate';
import { scoreFile } from '../src/pipeline';
import type { JournalEntry } from '../src/batch';

/** Writes n generated forms (definitions and actuals) into a folder; returns the actuals files. */
export function writeForms(dir: string, count: number, rows = 12): string[] {
  return Array.from({ length: count }, (_, i) => {
    const form = generateForm(i, rows);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    const file = path.join(dir, `${form.name}.actuals.yaml`);
    writeFileSync(file, form.actuals);
    return file;
  });
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** A PDF is whole: it starts with %PDF- and its last kilobyte holds %%EOF. */
export function wholePdf(file: string): boolean {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    const tail = Buffer.alloc(Math.min(1024, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return head.toString('latin1') === '%PDF-' && tail.toString('latin1').includes('%%EOF');
  } finally {
    closeSync(fd);
  }
}

/** The journal's lines, in order. */
export function journalLines(outDir: string): JournalEntry[] {
  const file = path.join(outDir, 'journal.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as JournalEntry];
      } catch {
        return [];
      }
    });
}

/** summary.csv as rows of cells (no quoted commas in generated forms). */
export function summaryRows(outDir: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path.join(outDir, 'summary.csv'), 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i]!, v])));
}

/** What `jixiao score` gives each form: total and status, by actuals file name. */
export async function expectedTotals(files: string[]): Promise<Map<string, { total: string; status: string }>> {
  const out = new Map<string, { total: string; status: string }>();
  for (const f of files) {
    const { result } = await scoreFile(f);
    out.set(path.basename(f), { total: result.total.toString(), status: result.status });
  }
  return out;
}
