import Table from 'cli-table3';
import { FIELD_LABEL } from '../domain/glossary';
import { formatDiagnostic, type Lang } from '../errors/message';
import type { FormResult } from '../scoring/result';
import { amountText, gradeText, maxScoreText, rateText, scoreText } from './format';

const EN_LABEL: Record<string, string> = {
  编号: 'id',
  三级指标: 'indicator',
  年度指标值: 'target',
  实际完成值: 'actual',
  分值: 'max',
  规则得分: 'rule',
  申报得分: 'declared',
  最终得分: 'final',
  提示: 'flags',
  一级指标: 'level 1',
  申报分值: 'declared max',
  指标分值合计: 'rows max',
  得分: 'score',
};

function label(zh: string, lang: Lang): string {
  return lang === 'en' ? (EN_LABEL[zh] ?? zh) : zh;
}

function table(head: string[], lang: Lang): Table.Table {
  return new Table({ head: head.map((h) => label(h, lang)), style: { head: [], border: [] }, wordWrap: true });
}

/** The readable `jixiao score` report: rows, budget, level subtotals, total and grade, then every warning. */
export function textReport(result: FormResult, lang: Lang = 'zh'): string {
  const out: string[] = [];
  out.push(`${result.title} — ${result.department}`);
  out.push(`${lang === 'en' ? 'rule set' : '评分规则集'}：${result.ruleSet.id} ${result.ruleSet.version}（${result.ruleSet.name}）`);

  const rows = table(['编号', '三级指标', '年度指标值', '实际完成值', '分值', '规则得分', '申报得分', '最终得分', '提示'], lang);
  rows.options.colWidths = [6, 22, 16, 18, 6, 10, 10, 10, 26];
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

  const b = result.budget;
  const budgetTable = table([FIELD_LABEL.initialBudget, FIELD_LABEL.fullYearBudget, FIELD_LABEL.executed, FIELD_LABEL.executionRate, '分值', '规则得分', '申报得分'], lang);
  budgetTable.push([amountText(b.initialBudget), amountText(b.fullYearBudget), amountText(b.executed), rateText(b.rate), scoreText(b.maxScore), scoreText(b.ruleScore), scoreText(b.declaredScore)]);
  out.push(b.explanation);
  out.push(budgetTable.toString());

  const levels = table(['一级指标', '申报分值', '指标分值合计', '得分'], lang);
  for (const l of result.levels) levels.push([l.name, scoreText(l.declaredWeight), scoreText(l.maxScore), scoreText(l.score)]);
  out.push(levels.toString());

  for (const a of result.adjustments) out.push(`${lang === 'en' ? 'Adjustment' : '调整'}：${a.explanation}`);
  if (lang === 'en') {
    out.push(`Total: ${scoreText(result.total)} (out of ${scoreText(result.maxTotal)})${result.grade ? `  Grade: ${gradeText(result.grade)} (${result.grade})` : ''}`);
  } else {
    const gradeLine = result.grade ? `  ${FIELD_LABEL.grade}：${gradeText(result.grade)}` : '';
    out.push(`${FIELD_LABEL.total}：${scoreText(result.total)}（满分 ${scoreText(result.maxTotal)}）${gradeLine}`);
  }
  if (result.declared.total !== null || result.declared.grade !== null) {
    const parts = [
      result.declared.total !== null ? `${FIELD_LABEL.total} ${scoreText(result.declared.total)}` : '',
      result.declared.grade !== null ? `${FIELD_LABEL.grade} ${result.declared.grade}` : '',
    ];
    out.push(`${lang === 'en' ? 'Declared on the form' : '表上申报'}：${parts.filter(Boolean).join('  ')}`);
  }
  if (result.indicators.some((r) => r.override)) out.push(lang === 'en' ? '* manual score with reason' : '* 人工评分（附理由）');

  if (result.notes.length > 0) {
    out.push('');
    out.push(lang === 'en' ? `Notes (${result.notes.length}):` : `说明（${result.notes.length} 条）：`);
    for (const n of result.notes) out.push(formatDiagnostic(n, lang));
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push(lang === 'en' ? `Warnings (${result.warnings.length}):` : `警告（${result.warnings.length} 条）：`);
    for (const w of result.warnings) out.push(formatDiagnostic(w, lang));
  } else {
    out.push(lang === 'en' ? 'No warnings.' : '无警告。');
  }
  return out.join('\n');
}
