import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES_DIR } from '../domain/paths';
import { inlineFontCss } from './assets';
import { compileEscaped } from './templates';

/** A bar of a chart: its label, its count, its width as a share of the longest bar. */
export interface Bar {
  label: string;
  count: number;
  percent: string;
}

/** The work list as the index page lays it out: every value already formatted (the review room builds it). */
export interface ReviewIndexView {
  title: string;
  generatedAt: string;
  ruleSet: string;
  sampleText: string;
  cards: { label: string; value: string }[];
  grades: Bar[];
  risks: Bar[];
  departments: string[];
  forms: Record<string, string | number>[];
  departmentLines: Record<string, string | number>[];
  codes: { severity: string; code: string; title: string; count: number; forms: number }[];
}

/** The 复核报告 as its template lays it out. */
export interface ReviewReportView {
  title: string;
  generatedAt: string;
  ruleSet: string;
  sampleText: string;
  summary: { label: string; value: string }[];
  departments: Record<string, string | number>[];
  codes: ReviewIndexView['codes'];
  sampled: Record<string, string | number>[];
  signers: { role: string; label: string; href: string }[];
}

/** Bars for counts: each as a share of the largest, in whole percent. */
export function bars(counts: readonly { label: string; count: number }[]): Bar[] {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return counts.map((c) => ({ ...c, percent: String(Math.round((c.count * 100) / most)) }));
}

const templates = new Map<string, HandlebarsTemplateDelegate>();
function template(name: string): HandlebarsTemplateDelegate {
  let t = templates.get(name);
  if (!t) {
    t = compileEscaped(readFileSync(path.join(TEMPLATES_DIR, name), 'utf8'), name);
    templates.set(name, t);
  }
  return t;
}

/**
 * The work list page: self-contained (fonts inlined, no request), its one script inline and allowed by its hash
 * alone (the page's Content-Security-Policy runs no other script).
 */
export function reviewIndexHtml(view: ReviewIndexView): string {
  const script = readFileSync(path.join(TEMPLATES_DIR, 'review-index.js'), 'utf8');
  const scriptHash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
  const html = template('review-index.hbs')({ ...view, scriptHash });
  return html
    .replace('</style>', `${inlineFontCss(html)}\n</style>`)
    .replace('</body>', () => `<script>${script}</script>\n</body>`);
}

/** The 复核报告's page, to print: fonts inlined, so the printer needs no asset. */
export function reviewReportHtml(view: ReviewReportView): string {
  const html = template('review-report.hbs')(view);
  return html.replace('</style>', `${inlineFontCss(html)}\n</style>`);
}
