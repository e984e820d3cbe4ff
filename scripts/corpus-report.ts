/**
 * The corpus report: for each real form in test/corpus, its rows, the rows jixiao scored, the rows whose
 * declared score it agrees with, and the faults it flags. Usage: npm run build && npm run corpus
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { findings } from '../test/corpus/findings';
import { corpusForms } from '../test/corpus/forms';

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

for (const form of corpusForms()) {
  const f = findings(scoreJson(form.actuals));
  const faults = Object.entries(f.flags).map(([code, n]) => (n > 1 ? `${code}×${n}` : code)).join(', ');
  console.log(`${form.name}: ${f.status === 'draft' ? '草稿' : '完成'} ${f.total}/${f.maxTotal} ${f.grade ?? '-'}; 行 ${f.rows}，评分 ${f.rowsScored}，与申报得分一致 ${f.rowsMatchingDeclared}；发现：${faults || '无'}`);
}
