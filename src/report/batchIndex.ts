import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES_DIR } from '../domain/paths';
import type { Lang } from '../errors/lang';
import { text, textOf, type TextKey } from '../errors/texts';
import { inlineFontCss } from './assets';
import { csvFile } from './csv';
import { compileEscaped } from './templates';

/** One form of a batch as its summary shows it (a journal line). */
export interface BatchIndexRow {
  input: string;
  /** The PDF, relative to the output folder; null when none was printed. */
  output: string | null;
  status: 'complete' | 'draft' | 'blank' | 'failed';
  title: string | null;
  department: string | null;
  total: string | null;
  grade: string | null;
  warnings: number;
  codes: string[];
}

const statusText = (status: BatchIndexRow['status'], lang: Lang): string =>
  textOf(`batch.status.${status}` as TextKey, lang);

/** How many forms got each grade, in the order the forms first name them, then those with none. */
function gradeBars(rows: BatchIndexRow[], lang: Lang): { label: string; count: number; percent: string }[] {
  const counts = new Map<string, number>();
  const noGrade = textOf('batch.index.noGrade', lang);
  for (const r of rows) {
    const label = r.status === 'failed' || !r.grade ? noGrade : r.grade;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const most = Math.max(1, ...counts.values());
  const order = [...counts.entries()].sort(([a], [b]) => (a === noGrade ? 1 : 0) - (b === noGrade ? 1 : 0));
  // a bar's width is its share of the largest bar, in whole percent: enough for a chart read by eye
  return order.map(([label, count]) => ({ label, count, percent: String(Math.round((count * 100) / most)) }));
}

let template: HandlebarsTemplateDelegate | undefined;

/** The batch's index page: self-contained (fonts inlined, no request), every form with a link to its PDF. */
export function batchIndexHtml(rows: BatchIndexRow[], generatedAt: Date, lang: Lang = 'zh'): string {
  template ??= compileEscaped(readFileSync(path.join(TEMPLATES_DIR, 'batch-index.hbs'), 'utf8'), 'batch-index.hbs');
  const labels = Object.fromEntries(
    [
      'title',
      'generated',
      'forms',
      'grades',
      'col.input',
      'col.title',
      'col.status',
      'col.total',
      'col.grade',
      'col.warnings',
      'col.codes',
      'col.pdf',
    ].map((k) => [k.replace('col.', ''), textOf(`batch.index.${k}` as TextKey, lang)]),
  );
  const counts = (['complete', 'draft', 'blank', 'failed'] as const).map((s) => ({
    label: statusText(s, lang),
    count: rows.filter((r) => r.status === s).length,
    status: s,
  }));
  const html = template({
    lang: lang === 'en' ? 'en' : 'zh-CN',
    labels,
    heading: text('batch.title', lang, { count: rows.length }),
    generatedAt: generatedAt.toISOString(),
    counts,
    grades: gradeBars(rows, lang),
    rows: rows.map((r) => ({
      ...r,
      statusText: statusText(r.status, lang),
      name: [r.title, r.department].filter(Boolean).join(' · '),
      // links stay inside the output folder, written the way a browser reads a relative URL
      href: r.output ? r.output.split(path.sep).map(encodeURIComponent).join('/') : null,
      codes: r.codes.join(' '),
    })),
  });
  return html.replace('</style>', `${inlineFontCss(html)}\n</style>`);
}

/** The batch as a table for spreadsheets: one line per form. */
export function batchCsv(rows: BatchIndexRow[]): string {
  return csvFile(
    ['input', 'output', 'status', 'title', 'department', 'total', 'grade', 'warnings', 'codes'],
    rows.map((r) => [
      r.input,
      r.output,
      r.status,
      r.title,
      r.department,
      r.total,
      r.grade,
      r.warnings,
      r.codes.join(' '),
    ]),
  );
}
