/**
 * The corpus report: for each real form in test/corpus, its rows, the rows jixiao scored, the rows whose
 * declared score it agrees with, and the faults it flags. Usage: npm run build && npm run corpus
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { findings } from '../test/corpus/findings';
import { corpusForms, WRITTEN } from '../test/corpus/forms';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'dist/cli/main.js');

function scoreJson(file: string): string {
  try {
    return execFileSync(process.execPath, [BIN, 'score', file, '--json'], { encoding: 'utf8' });
  } catch (error) {
    // a draft exits 3 and still prints its result
    const out = (error as { stdout?: string }).stdout;
    if (out) return out;
    throw error;
  }
}

const KIND = { project: '项目', department: '部门整体' } as const;

/** Real forms and the forms written for each framework, grouped by framework (rule set) and form kind. */
const scored = [
  ...corpusForms().map((form) => ({ form, written: false })),
  ...corpusForms(WRITTEN).map((form) => ({ form, written: true })),
].map(({ form, written }) => ({ name: form.name, written, f: findings(scoreJson(form.actuals)) }));
const groups = new Map<string, typeof scored>();
for (const s of scored) {
  const key = `${s.f.ruleSet} · ${KIND[s.f.form]}`;
  groups.set(key, [...(groups.get(key) ?? []), s]);
}
for (const [key, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const complete = list.filter((s) => s.f.status === 'complete').length;
  console.log(`\n${key}：${list.length} 张（完成 ${complete}，草稿 ${list.length - complete}）`);
  for (const { name, written, f } of list) {
    const faults = Object.entries(f.flags)
      .map(([code, n]) => (n > 1 ? `${code}×${n}` : code))
      .join(', ');
    const source = written ? '（按框架编写）' : '';
    console.log(
      `  ${name}${source}: ${f.status === 'draft' ? '草稿' : '完成'} ${f.total}/${f.maxTotal} ${f.grade ?? '-'}; 行 ${f.rows}，评分 ${f.rowsScored}，与申报得分一致 ${f.rowsMatchingDeclared}；发现：${faults || '无'}`,
    );
  }
}
