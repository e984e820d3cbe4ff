import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import Table from 'cli-table3';
import { TEMPLATES_DIR } from '../domain/paths';
import type { CompareSummary, FormComparison } from '../compare/diff';
import { compareView, DIRECTION_LABEL, formsToShow, type CompareInfo } from './compareView';
import { inlineFontCss } from './assets';

/** The readable what-if table: the forms that changed most, then the summary. */
export function compareText(info: CompareInfo, forms: FormComparison[], summary: CompareSummary): string {
  const out: string[] = [];
  out.push(`评分规则集对比：A = ${info.rulesA.id} ${info.rulesA.version}，B = ${info.rulesB.id} ${info.rulesB.version}（${info.engine}，${info.seconds.toFixed(1)} 秒）`);
  const shown = formsToShow(forms);
  if (shown.length < forms.length) out.push(`共 ${forms.length} 张表，下列变化最大的 ${shown.length} 张（全部见 --csv / --json）：`);
  const table = new Table({ head: ['表单', '单位', '总分A', '总分B', '差值', '等级 A→B', '变化', '变化的行（A→B）'], style: { head: [], border: [] }, colWidths: [28, 16, 8, 8, 8, 10, 8, 46], wordWrap: true });
  for (const f of shown) {
    const rows = f.rows.slice(0, 4).map((r) => `${r.id} ${r.name}：${r.methodA} ${r.scoreA} → ${r.methodB} ${r.scoreB}`);
    if (f.rows.length > 4) rows.push(`…另 ${f.rows.length - 4} 行`);
    rows.push(...f.adjustmentsB.map((a) => `B 调整：${a}`));
    const error = f.errorA ?? f.errorB;
    table.push([path.join(path.basename(path.dirname(f.file)), path.basename(f.file)), f.department, f.totalA ?? '—', f.totalB ?? '—', f.delta ?? '—', `${f.gradeA}→${f.gradeB}`, DIRECTION_LABEL[f.direction], error ? `无法评分：${error}` : rows.join('\n')]);
  }
  out.push(table.toString());
  out.push(
    `比较 ${summary.compared} 张（无法评分 ${summary.failed} 张）；等级上升 ${summary.gradeChanges.up}、下降 ${summary.gradeChanges.down}、不变 ${summary.gradeChanges.same}；` +
      `总分平均变化 ${summary.meanDelta}，最大升幅 ${summary.largestRise ? `${summary.largestRise.delta}（${path.basename(summary.largestRise.file)}）` : '无'}，` +
      `最大降幅 ${summary.largestFall ? `${summary.largestFall.delta}（${path.basename(summary.largestFall.file)}）` : '无'}；${summary.changedRows} 行的计分方法或得分改变；` +
      `有调整项（扣分、封顶、折算）的表：A ${summary.adjustedA} 张，B ${summary.adjustedB} 张。`,
  );
  if (summary.adjustmentRules.length > 0) {
    out.push(`调整规则命中：${summary.adjustmentRules.map((r) => `${r.side} ${r.rule} ×${r.count}`).join('；')}`);
  }
  if (summary.ruleChanges.length > 0) {
    const rules = new Table({ head: ['A 下命中的规则（方法）', 'B 下命中的规则（方法）', '行数'], style: { head: [], border: [] } });
    for (const r of summary.ruleChanges.slice(0, 15)) rules.push([r.from, r.to, r.count]);
    out.push('规则命中变化：');
    out.push(rules.toString());
  }
  return out.join('\n');
}

const csvCell = (v: string | number | null): string => {
  const text = v === null ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One line per form; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export function compareCsv(forms: FormComparison[]): string {
  const head = ['file', 'title', 'department', 'totalA', 'totalB', 'delta', 'gradeA', 'gradeB', 'direction', 'changedRows', 'changes', 'errorA', 'errorB'];
  const lines = forms.map((f) =>
    [f.file, f.title, f.department, f.totalA, f.totalB, f.delta, f.gradeA, f.gradeB, f.direction, f.rows.length, f.rows.map((r) => `${r.id}:${r.methodA}>${r.methodB}:${r.scoreA}>${r.scoreB}`).join(' '), f.errorA, f.errorB]
      .map(csvCell)
      .join(','),
  );
  return `\ufeff${[head.join(','), ...lines].join('\n')}\n`;
}

let template: HandlebarsTemplateDelegate | undefined;

/** A self-contained HTML report (no external request): summary, delta chart, grade matrix, rule changes, forms. */
export function compareHtml(info: CompareInfo, forms: FormComparison[], summary: CompareSummary): string {
  if (!template) {
    const source = readFileSync(path.join(TEMPLATES_DIR, 'compare.hbs'), 'utf8');
    if (/\{\{\{|\{\{&/.test(source)) throw new Error('compare.hbs uses unescaped output');
    template = Handlebars.create().compile(source, { strict: true, knownHelpersOnly: true });
  }
  const html = template(compareView(info, forms, summary));
  // fonts inlined for the characters the report uses: no request, and readable without CJK system fonts
  return html.replace('</style>', `${inlineFontCss(html)}\n</style>`);
}
