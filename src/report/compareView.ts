import { dec } from '../domain/decimal';
import { GRADES, type CompareSummary, type FormComparison } from '../compare/diff';

export interface CompareInfo {
  rulesA: { id: string; version: string };
  rulesB: { id: string; version: string };
  engine: string;
  seconds: number;
}

const DIRECTION_LABEL: Record<FormComparison['direction'], string> = { up: '升', down: '降', same: '不变', error: '无法评分' };

/** Forms shown one by one: all of a small run, else the largest changes. */
export function formsToShow(forms: FormComparison[], limit = 50): FormComparison[] {
  if (forms.length <= limit) return forms;
  return [...forms]
    .filter((f) => f.direction === 'error' || f.delta !== '0' || f.rows.length > 0)
    .sort((x, y) => (x.direction === 'error' ? -1 : y.direction === 'error' ? 1 : dec(y.delta ?? '0').abs().comparedTo(dec(x.delta ?? '0').abs())))
    .slice(0, limit);
}

/** Score deltas binned for the histogram: one bar per point of change, clipped at ±10. */
export function deltaHistogram(forms: FormComparison[]): { label: string; count: number }[] {
  const bins = new Map<number, number>();
  for (const f of forms) {
    if (f.delta === null) continue;
    const d = Math.max(-10, Math.min(10, Math.round(Number(f.delta))));
    bins.set(d, (bins.get(d) ?? 0) + 1);
  }
  const out: { label: string; count: number }[] = [];
  for (let d = -10; d <= 10; d++) out.push({ label: d === -10 ? '≤−10' : d === 10 ? '≥10' : d > 0 ? `+${d}` : String(d), count: bins.get(d) ?? 0 });
  return out;
}

export function compareView(info: CompareInfo, forms: FormComparison[], summary: CompareSummary) {
  const histogram = deltaHistogram(forms);
  const max = Math.max(1, ...histogram.map((b) => b.count));
  const chart = { width: 640, height: 220, bars: [] as { x: number; y: number; width: number; height: number; label: string; count: number; labelX: number; negative: boolean }[] };
  const slot = chart.width / histogram.length;
  histogram.forEach((b, i) => {
    const h = Math.round(((chart.height - 40) * b.count) / max);
    chart.bars.push({ x: Math.round(i * slot + 3), y: chart.height - 20 - h, width: Math.round(slot - 6), height: h, label: b.label, count: b.count, labelX: Math.round(i * slot + slot / 2), negative: b.label.startsWith('−') || b.label.startsWith('-') || b.label.startsWith('≤') });
  });
  const usedGrades = GRADES.filter((g) => GRADES.some((h) => (summary.matrix[g]?.[h] ?? 0) > 0 || (summary.matrix[h]?.[g] ?? 0) > 0));
  return {
    title: `评分规则集对比：${info.rulesA.id} → ${info.rulesB.id}`,
    rulesA: `${info.rulesA.id} ${info.rulesA.version}`,
    rulesB: `${info.rulesB.id} ${info.rulesB.version}`,
    engine: info.engine,
    seconds: info.seconds.toFixed(1),
    summary: {
      ...summary,
      largestRise: summary.largestRise ? `${summary.largestRise.delta}（${summary.largestRise.file}）` : '无',
      largestFall: summary.largestFall ? `${summary.largestFall.delta}（${summary.largestFall.file}）` : '无',
    },
    chart,
    matrix: {
      grades: usedGrades,
      rows: usedGrades.map((g) => ({ grade: g, cells: usedGrades.map((h) => ({ count: summary.matrix[g]?.[h] ?? 0, changed: g !== h && (summary.matrix[g]?.[h] ?? 0) > 0 })) })),
    },
    ruleChanges: summary.ruleChanges.slice(0, 30),
    shown: formsToShow(forms).map((f) => ({ ...f, directionLabel: DIRECTION_LABEL[f.direction], error: f.errorA ?? f.errorB ?? '', changed: f.rows.length })),
    shownAll: forms.length <= 50,
  };
}

export type CompareView = ReturnType<typeof compareView>;
export { DIRECTION_LABEL };
