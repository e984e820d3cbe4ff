import Table from 'cli-table3';
import { formatDiagnostic, type Lang } from '../errors/message';
import { text, textOf, textOfRef, type TextKey } from '../errors/texts';
import type { FormResult } from '../scoring/result';
import { amountText, maxScoreText, rateText, scoreText } from './format';

export interface TextReportOptions {
  lang?: Lang;
  /** Terminal width: below 100 columns each row is printed as a block instead of a wide table. */
  columns?: number;
  /** Paints the severity of each warning (the CLI passes a painter on a terminal). */
  paint?: (formatted: string, severity: 'error' | 'warning' | 'info') => string;
}

const NARROW_BELOW = 100;

function table(head: TextKey[], lang: Lang, colWidths?: number[]): Table.Table {
  return new Table({
    head: head.map((h) => textOf(h, lang)),
    style: { head: [], border: [] },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
}

/** Column widths of the row table, shared out over the terminal's width (the name and flags columns stretch). */
function rowWidths(columns: number): number[] {
  const [id, ...fixed] = [6, 16, 18, 6, 10, 10, 10];
  const spare = Math.max(24, columns - id - fixed.reduce((a, b) => a + b, 0) - 10);
  const name = Math.max(14, Math.floor(spare * 0.55));
  return [id, name, ...fixed, Math.max(10, spare - name)];
}

/** The readable `jixiao score` report: rows, budget, level subtotals, total and grade, then every warning. */
export function textReport(result: FormResult, options: TextReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const columns = options.columns ?? 136;
  const paint = options.paint ?? ((s: string) => s);
  const out: string[] = [];
  out.push(`${result.title} — ${result.department}`);
  out.push(
    text('report.ruleSet', lang, { id: result.ruleSet.id, version: result.ruleSet.version, name: result.ruleSet.name }),
  );

  out.push(rowsText(result, lang, columns));
  out.push(...budgetText(result, lang, columns));

  const levels = table(['report.col.level1', 'report.col.declaredMax', 'report.col.rowsMax', 'report.col.score'], lang);
  for (const l of result.levels)
    levels.push([l.name, scoreText(l.declaredWeight), scoreText(l.maxScore), scoreText(l.score)]);
  out.push(levels.toString());

  for (const a of result.adjustments)
    out.push(text('report.adjustment', lang, { explanation: textOfRef(a.explanation, lang) }));
  // the rule set's own word for the grade (优秀, 合格 …) in Chinese; the grade's English name otherwise
  const gradeWord =
    lang === 'zh' ? (result.gradeLabel ?? '') : result.grade ? textOf(`grade.${result.grade}`, lang) : '';
  const grade = result.grade ? text('report.grade', lang, { grade: gradeWord }) : '';
  out.push(
    text(result.status === 'draft' ? 'report.totalDraft' : 'report.total', lang, {
      total: scoreText(result.total),
      max: scoreText(result.maxTotal),
    }) + grade,
  );
  if (result.declared.total !== null || result.declared.grade !== null) {
    const parts = [
      result.declared.total !== null
        ? text('report.declaredTotal', lang, { value: scoreText(result.declared.total) })
        : '',
      result.declared.grade !== null ? text('report.declaredGrade', lang, { value: result.declared.grade }) : '',
    ];
    out.push(text('report.declared', lang, { parts: parts.filter(Boolean).join('  ') }));
  }
  if (result.indicators.some((r) => r.override)) out.push(text('report.overrideLegend', lang));

  if (result.status === 'draft') {
    out.push('', paint(text('report.draft', lang, { count: result.pending.length }), 'error'));
    for (const p of result.pending) out.push(paint(formatDiagnostic(p, lang), 'warning'));
  }
  if (result.notes.length > 0) {
    out.push('', text('report.notes', lang, { count: result.notes.length }));
    for (const n of result.notes) out.push(paint(formatDiagnostic(n, lang), n.severity));
  }
  if (result.warnings.length > 0) {
    out.push('', text('report.warnings', lang, { count: result.warnings.length }));
    for (const w of result.warnings) out.push(paint(formatDiagnostic(w, lang), w.severity));
  } else {
    out.push(text('report.noWarnings', lang));
  }
  return out.join('\n');
}

/** The indicator rows: a table, or two lines a row on a narrow terminal. */
function rowsText(result: FormResult, lang: Lang, columns: number): string {
  const out: string[] = [];
  const flagsOf = (codes: string[]): string => (codes.length > 0 ? ` [${codes.join(' ')}]` : '');
  if (columns < NARROW_BELOW) {
    for (const r of result.indicators) {
      out.push(text('report.row', lang, { id: r.id, name: r.name }));
      const final = scoreText(r.finalScore) + (r.override ? '*' : '');
      out.push(
        text('report.rowDetail', lang, {
          target: r.target,
          actual: r.actual,
          max: maxScoreText(r.maxScore),
          final,
          flags: flagsOf(r.flags.map((f) => f.code)),
        }),
      );
    }
  } else {
    const rows = table(
      [
        'report.col.id',
        'report.col.indicator',
        'report.col.target',
        'report.col.actual',
        'report.col.max',
        'report.col.rule',
        'report.col.declared',
        'report.col.final',
        'report.col.flags',
      ],
      lang,
      rowWidths(columns),
    );
    for (const r of result.indicators) {
      rows.push([
        r.id,
        r.name,
        r.target,
        r.actual,
        maxScoreText(r.maxScore),
        scoreText(r.ruleScore),
        scoreText(r.declaredScore),
        scoreText(r.finalScore) + (r.override ? '*' : ''),
        r.flags.map((f) => f.code).join(' '),
      ]);
    }
    out.push(rows.toString());
  }

  return out.join('\n');
}

/** The budget's 计算过程 and its figures: a table, or a line a figure on a narrow terminal. */
function budgetText(result: FormResult, lang: Lang, columns: number): string[] {
  const out: string[] = [];
  const b = result.budget;
  out.push(textOfRef(b.explanation, lang));
  const budgetHead: TextKey[] = [
    'report.col.initialBudget',
    'report.col.fullYearBudget',
    'report.col.executed',
    'report.col.executionRate',
    'report.col.max',
    'report.col.rule',
    'report.col.declared',
  ];
  const unit = textOf('unit.amount', lang);
  const budgetCells = [
    amountText(b.initialBudget, unit),
    amountText(b.fullYearBudget, unit),
    amountText(b.executed, unit),
    rateText(b.rate),
    scoreText(b.maxScore),
    scoreText(b.ruleScore),
    scoreText(b.declaredScore),
  ];
  if (columns < NARROW_BELOW) {
    out.push(budgetHead.map((h, i) => `  ${textOf(h, lang)} ${budgetCells[i] || '—'}`).join('\n'));
  } else {
    const budgetTable = table(budgetHead, lang);
    budgetTable.push(budgetCells);
    out.push(budgetTable.toString());
  }
  return out;
}
