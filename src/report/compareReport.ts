import { csvFromLines, csvRow } from './csv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Table from 'cli-table3';
import { TEMPLATES_DIR } from '../domain/paths';
import type { FormComparison } from '../compare/diff';
import {
  compareView,
  differenceItem,
  statusChangesText,
  statusChangeText,
  type CompareDigest,
  type CompareInfo,
} from './compareView';
import { compileEscaped } from './templates';
import type { Lang } from '../errors/lang';
import { text, textOf } from '../errors/texts';
import { inlineFontCss } from './assets';

/** The rule-set differences, one line each: the answer to "why did these forms change?". */
function whyLines(info: CompareInfo, lang: Lang): string[] {
  if (info.differences.length === 0) return [text('compare.same', lang)];
  const table = new Table({
    head: [textOf('compare.label.area', lang), textOf('compare.label.item', lang), 'A', 'B'],
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const d of info.differences)
    table.push([textOf(`compare.area.${d.area}`, lang), differenceItem(d, lang), d.a, d.b]);
  const lines = [text('compare.why', lang), table.toString()];
  if (info.differences.some((d) => d.area === 'grades')) lines.push(text('compare.gradeLinesMoved', lang));
  return lines;
}

/** The readable what-if report: why (the rule sets side by side), the forms that changed most, then the summary. */
export function compareText(info: CompareInfo, digest: CompareDigest, lang: Lang = 'zh'): string {
  const { summary, shown } = digest;
  const out: string[] = [];
  out.push(
    text('compare.title', lang, {
      a: `${info.rulesA.id} ${info.rulesA.version}`,
      b: `${info.rulesB.id} ${info.rulesB.version}`,
      engine: info.engine,
      seconds: info.seconds.toFixed(1),
    }),
  );
  out.push(...whyLines(info, lang));
  if (shown.length < digest.forms)
    out.push(text('compare.shownOf', lang, { count: digest.forms, shown: shown.length }));
  out.push(formsTable(shown, lang));
  out.push(...summaryLines(summary, lang));
  return out.join('\n');
}

/** The forms that changed most: totals, grades, direction and the rows that moved (or why a form could not be scored). */
function formsTable(shown: CompareDigest['shown'], lang: Lang): string {
  const head = (
    [
      'compare.label.form',
      'compare.label.unit',
      'compare.label.totalA',
      'compare.label.totalB',
      'compare.label.delta',
      'compare.label.grades',
      'compare.label.change',
      'compare.label.rows',
    ] as const
  ).map((k) => textOf(k, lang));
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colWidths: [28, 16, 8, 8, 8, 10, 8, 46],
    wordWrap: true,
  });
  for (const f of shown) {
    const rows = f.rows
      .slice(0, 4)
      .map((r) => `${r.id} ${r.name}：${r.methodA} ${r.scoreA} → ${r.methodB} ${r.scoreB}`);
    if (f.rows.length > 4) rows.push(text('compare.moreRows', lang, { count: f.rows.length - 4 }));
    rows.push(...f.adjustmentsB.map((a) => text('compare.adjustedB', lang, { text: a })));
    const status = statusChangeText(f, lang);
    if (status) rows.unshift(status);
    const error = f.errorA ?? f.errorB;
    const cells = [
      path.join(path.basename(path.dirname(f.file)), path.basename(f.file)),
      f.department,
      f.totalA ?? '—',
      f.totalB ?? '—',
      f.delta ?? '—',
      `${f.gradeA}→${f.gradeB}`,
    ];
    table.push([
      ...cells,
      textOf(`compare.direction.${f.direction}`, lang),
      error ? text('compare.unscorable', lang, { error }) : rows.join('\n'),
    ]);
  }
  return table.toString();
}

/** The summary: counts, grade changes, the largest moves, adjustments, and which rule gave way to which. */
function summaryLines(summary: CompareDigest['summary'], lang: Lang): string[] {
  const out: string[] = [];
  const extreme = (e: { delta: string; file: string } | null): string =>
    e ? text('compare.extreme', lang, { delta: e.delta, file: path.basename(e.file) }) : text('compare.none', lang);
  out.push(
    text('compare.summary', lang, {
      compared: summary.compared,
      failed: summary.failed,
      up: summary.gradeChanges.up,
      down: summary.gradeChanges.down,
      same: summary.gradeChanges.same,
      mean: summary.meanDelta,
      rise: extreme(summary.largestRise),
      fall: extreme(summary.largestFall),
      rows: summary.changedRows,
      adjustedA: summary.adjustedA,
      adjustedB: summary.adjustedB,
    }),
  );
  const status = statusChangesText(summary.statusChanges, lang);
  if (status) out.push(status);
  if (summary.adjustmentRules.length > 0) {
    out.push(
      text('compare.adjustmentRules', lang, {
        list: summary.adjustmentRules.map((r) => `${r.side} ${r.rule} ×${r.count}`).join('; '),
      }),
    );
  }
  if (summary.ruleChanges.length > 0) {
    const rules = new Table({
      head: [
        textOf('compare.label.ruleA', lang),
        textOf('compare.label.ruleB', lang),
        textOf('compare.label.count', lang),
      ],
      style: { head: [], border: [] },
    });
    for (const r of summary.ruleChanges.slice(0, 15))
      rules.push([r.from, r.kind === 'parameter' ? text('compare.parameterEffect', lang) : r.to, r.count]);
    out.push(text('compare.ruleChanges', lang));
    out.push(rules.toString());
  }
  return out;
}

const CSV_HEAD = [
  'file',
  'title',
  'department',
  'totalA',
  'totalB',
  'delta',
  'gradeA',
  'gradeB',
  'direction',
  'changedRows',
  'changes',
  'errorA',
  'errorB',
];

/** One form's line in the CSV: a run's CSV is made line by line as the forms pass, never from all of them at once. */
export function compareCsvLine(f: FormComparison): string {
  return csvRow([
    f.file,
    f.title,
    f.department,
    f.totalA,
    f.totalB,
    f.delta,
    f.gradeA,
    f.gradeB,
    f.direction,
    f.rows.length,
    f.rows.map((r) => `${r.id}:${r.methodA}>${r.methodB}:${r.scoreA}>${r.scoreB}`).join(' '),
    f.errorA,
    f.errorB,
  ]);
}

/** One line per form; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export function compareCsv(lines: readonly string[]): string {
  return csvFromLines(CSV_HEAD, lines);
}

let template: HandlebarsTemplateDelegate | undefined;

/** A self-contained HTML report (no external request): summary, delta chart, grade matrix, rule changes, forms. */
export function compareHtml(info: CompareInfo, digest: CompareDigest, lang: Lang = 'zh'): string {
  if (!template) {
    const source = readFileSync(path.join(TEMPLATES_DIR, 'compare.hbs'), 'utf8');
    template = compileEscaped(source, 'compare.hbs');
  }
  const html = template(compareView(info, digest, lang));
  // fonts inlined for the characters the report uses: no request, and readable without CJK system fonts
  return html.replace('</style>', `${inlineFontCss(html)}\n</style>`);
}
