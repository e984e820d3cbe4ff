import {
  GRADES,
  NO_GRADE,
  statusChanged,
  type CompareSummary,
  type FormComparison,
  type GradeKey,
} from '../compare/diff';
import { GRADE_LABEL } from '../domain/glossary';
import { SHOWN_FORMS, type CompareDigest } from '../compare/tally';

export type { CompareDigest };
import type { RuleSetDifference } from '../compare/ruleSetDiff';
import type { Lang } from '../errors/lang';
import { isTextKey, text, textOf, TEXTS, type TextKey } from '../errors/texts';

export interface CompareInfo {
  differences: RuleSetDifference[];
  rulesA: { id: string; version: string };
  rulesB: { id: string; version: string };
  engine: string;
  seconds: number;
}

/** The HTML report's words in one language: every compare.label.* text, by its short name. */
function labels(lang: Lang): Record<string, string> {
  const prefix = 'compare.label.';
  return Object.fromEntries(
    (Object.keys(TEXTS) as TextKey[])
      .filter((k) => k.startsWith(prefix) && k !== 'compare.label.titleHtml')
      .map((k) => [k.slice(prefix.length), textOf(k, lang)]),
  );
}

export function compareView(info: CompareInfo, digest: CompareDigest, lang: Lang = 'zh') {
  const { histogram, summary } = digest;
  return {
    lang: lang === 'en' ? 'en' : 'zh-CN',
    labels: labels(lang),
    title: text('compare.label.titleHtml', lang, { a: info.rulesA.id, b: info.rulesB.id }),
    why: info.differences.map((d) => ({
      ...d,
      item: differenceItem(d, lang),
      areaLabel: textOf(`compare.area.${d.area}`, lang),
    })),
    whyNone: text('compare.same', lang),
    gradeLinesMoved: info.differences.some((d) => d.area === 'grades') ? text('compare.gradeLinesMoved', lang) : '',
    rulesA: `${info.rulesA.id} ${info.rulesA.version}`,
    rulesB: `${info.rulesB.id} ${info.rulesB.version}`,
    engine: info.engine,
    seconds: info.seconds.toFixed(1),
    summary: {
      ...summary,
      largestRise: summary.largestRise
        ? text('compare.extreme', lang, summary.largestRise)
        : text('compare.none', lang),
      largestFall: summary.largestFall
        ? text('compare.extreme', lang, summary.largestFall)
        : text('compare.none', lang),
    },
    chart: histogramChart(histogram),
    matrix: gradeMatrix(summary),
    statusChanges: statusChangesText(summary.statusChanges, lang),
    ruleChanges: summary.ruleChanges
      .slice(0, 30)
      .map((r) => ({ ...r, to: r.kind === 'parameter' ? text('compare.parameterEffect', lang) : r.to })),
    shown: digest.shown.map((f) => ({
      ...f,
      directionLabel: textOf(`compare.direction.${f.direction}`, lang),
      error: (f.errorA ?? f.errorB) ? text('compare.unscorable', lang, { error: f.errorA ?? f.errorB ?? '' }) : '',
      adjustmentsB: f.adjustmentsB.map((a) => text('compare.adjustedB', lang, { text: a })),
      changed: f.rows.length,
      statusChange: statusChangeText(f, lang),
    })),
    shownAll: digest.forms <= SHOWN_FORMS,
  };
}

export type CompareView = ReturnType<typeof compareView>;

/** The histogram of total changes as bars of an SVG chart. */
function histogramChart(histogram: CompareDigest['histogram']) {
  const max = Math.max(1, ...histogram.map((b) => b.count));
  const chart = {
    width: 640,
    height: 220,
    bars: [] as {
      x: number;
      y: number;
      width: number;
      height: number;
      label: string;
      count: number;
      labelX: number;
      negative: boolean;
    }[],
  };
  const slot = chart.width / histogram.length;
  histogram.forEach((b, i) => {
    const h = Math.round(((chart.height - 40) * b.count) / max);
    chart.bars.push({
      x: Math.round(i * slot + 3),
      y: chart.height - 20 - h,
      width: Math.round(slot - 6),
      height: h,
      label: b.label,
      count: b.count,
      labelX: Math.round(i * slot + slot / 2),
      negative: b.label.startsWith('−') || b.label.startsWith('-') || b.label.startsWith('≤'),
    });
  });
  return chart;
}

/** Grade under A by grade under B: only the grades either side gave, each side in its own rule set's words. */
function gradeMatrix(summary: CompareDigest['summary']) {
  const usedGrades = GRADES.filter((g) => GRADES.some((h) => summary.matrix[g][h] > 0 || summary.matrix[h][g] > 0));
  // each side's grades as its rule set prints them: B's own labels for B's columns
  const labelOf = (seen: Partial<Record<GradeKey, string>>, g: GradeKey): string =>
    seen[g] ?? (g === 'none' ? NO_GRADE : GRADE_LABEL[g]);
  return {
    columns: usedGrades.map((h) => labelOf(summary.gradeLabelsB, h)),
    rows: usedGrades.map((g) => ({
      grade: labelOf(summary.gradeLabelsA, g),
      cells: usedGrades.map((h) => ({ count: summary.matrix[g][h], changed: g !== h && summary.matrix[g][h] > 0 })),
    })),
  };
}

/**
 * A rule-set difference's item as an evaluator reads it: 「预算执行率偏低的界限（lowExecutionRate）」 for a
 * parameter, 「产出指标 的二级指标权重」 for a weight; grade names and rule names are already what people read.
 */
export function differenceItem(d: RuleSetDifference, lang: Lang): string {
  const key = d.area === 'bands' ? `qualitativeBands.${d.item}` : d.item;
  const known = `param.${key}`;
  if (
    (d.area === 'parameters' || d.area === 'bands' || d.area === 'weights' || d.area === 'grades') &&
    isTextKey(known)
  ) {
    return text('param.named', lang, { label: textOf(known, lang), key });
  }
  const label = d.area === 'grades' ? /^label\.(excellent|good|fair|poor)$/.exec(d.item) : null;
  if (label?.[1]) return text('param.gradeLabel', lang, { grade: GRADE_LABEL[label[1] as keyof typeof GRADE_LABEL] });
  const level2 = d.area === 'weights' ? / · level2$/.exec(d.item) : null;
  if (level2) return text('param.level2', lang, { name: d.item.slice(0, level2.index) });
  return d.item;
}

/** 「完成 → 草稿（新增 2 项待补充）」 for a form whose status differs under the two rule sets, else ''. */
export function statusChangeText(f: FormComparison, lang: Lang): string {
  if (!statusChanged(f)) return '';
  if (f.statusB === 'draft') return text('compare.toDraft', lang, { count: Math.max(0, f.pendingB - f.pendingA) });
  return text('compare.toComplete', lang);
}

/** The summary's line on status changes, or '' when none changed. */
export function statusChangesText(s: CompareSummary['statusChanges'], lang: Lang): string {
  if (s.toDraft === 0 && s.toComplete === 0) return '';
  return text('compare.statusChanges', lang, {
    toDraft: s.toDraft,
    newPending: s.newPending,
    toComplete: s.toComplete,
  });
}
