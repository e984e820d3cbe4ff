import { dec } from '../domain/decimal';
import { GRADES, type CompareSummary, type FormComparison } from '../compare/diff';
import type { RuleSetDifference } from '../compare/ruleSetDiff';
import type { Lang } from '../errors/lang';
import { text, textOf, TEXTS, type TextKey } from '../errors/texts';

export interface CompareInfo {
  differences: RuleSetDifference[];
  rulesA: { id: string; version: string };
  rulesB: { id: string; version: string };
  engine: string;
  seconds: number;
}


/** Forms shown one by one: all of a small run, else the largest changes. */
export function formsToShow(forms: FormComparison[], limit = 50): FormComparison[] {
  if (forms.length <= limit) return forms;
  const gradeChanged = (f: FormComparison): number => (f.direction === 'up' || f.direction === 'down' ? 1 : 0);
  // a grade change matters more to a department than any change of points: those come first, then errors, then size
  return [...forms]
    .filter((f) => f.direction === 'error' || f.delta !== '0' || f.rows.length > 0)
    .sort(
      (x, y) =>
        gradeChanged(y) - gradeChanged(x) ||
        (y.direction === 'error' ? 1 : 0) - (x.direction === 'error' ? 1 : 0) ||
        dec(y.delta ?? '0').abs().comparedTo(dec(x.delta ?? '0').abs()),
    )
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

/** The HTML report's words in one language: every compare.label.* text, by its short name. */
function labels(lang: Lang): Record<string, string> {
  const prefix = 'compare.label.';
  return Object.fromEntries(
    (Object.keys(TEXTS) as TextKey[]).filter((k) => k.startsWith(prefix) && k !== 'compare.label.titleHtml').map((k) => [k.slice(prefix.length), textOf(k, lang)]),
  );
}

export function compareView(info: CompareInfo, forms: FormComparison[], summary: CompareSummary, lang: Lang = 'zh') {
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
    lang: lang === 'en' ? 'en' : 'zh-CN',
    labels: labels(lang),
    title: text('compare.label.titleHtml', lang, { a: info.rulesA.id, b: info.rulesB.id }),
    why: info.differences.map((d) => ({ ...d, areaLabel: textOf(`compare.area.${d.area}`, lang) })),
    whyNone: text('compare.same', lang),
    gradeLinesMoved: info.differences.some((d) => d.area === 'grades') ? text('compare.gradeLinesMoved', lang) : '',
    rulesA: `${info.rulesA.id} ${info.rulesA.version}`,
    rulesB: `${info.rulesB.id} ${info.rulesB.version}`,
    engine: info.engine,
    seconds: info.seconds.toFixed(1),
    summary: {
      ...summary,
      largestRise: summary.largestRise ? text('compare.extreme', lang, summary.largestRise) : text('compare.none', lang),
      largestFall: summary.largestFall ? text('compare.extreme', lang, summary.largestFall) : text('compare.none', lang),
    },
    chart,
    matrix: {
      grades: usedGrades,
      rows: usedGrades.map((g) => ({ grade: g, cells: usedGrades.map((h) => ({ count: summary.matrix[g]?.[h] ?? 0, changed: g !== h && (summary.matrix[g]?.[h] ?? 0) > 0 })) })),
    },
    ruleChanges: summary.ruleChanges.slice(0, 30).map((r) => ({ ...r, to: r.kind === 'parameter' ? text('compare.parameterEffect', lang) : r.to })),
    shown: formsToShow(forms).map((f) => ({
      ...f,
      directionLabel: textOf(`compare.direction.${f.direction}`, lang),
      error: f.errorA ?? f.errorB ? text('compare.unscorable', lang, { error: f.errorA ?? f.errorB ?? '' }) : '',
      adjustmentsB: f.adjustmentsB.map((a) => text('compare.adjustedB', lang, { text: a })),
      changed: f.rows.length,
    })),
    shownAll: forms.length <= 50,
  };
}

export type CompareView = ReturnType<typeof compareView>;
