import { GRADES } from '../compare/diff';
import { SHOWN_FORMS, type CompareDigest } from '../compare/tally';

export type { CompareDigest };
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


/** The HTML report's words in one language: every compare.label.* text, by its short name. */
function labels(lang: Lang): Record<string, string> {
  const prefix = 'compare.label.';
  return Object.fromEntries(
    (Object.keys(TEXTS) as TextKey[]).filter((k) => k.startsWith(prefix) && k !== 'compare.label.titleHtml').map((k) => [k.slice(prefix.length), textOf(k, lang)]),
  );
}

export function compareView(info: CompareInfo, digest: CompareDigest, lang: Lang = 'zh') {
  const { histogram, summary } = digest;
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
    shown: digest.shown.map((f) => ({
      ...f,
      directionLabel: textOf(`compare.direction.${f.direction}`, lang),
      error: f.errorA ?? f.errorB ? text('compare.unscorable', lang, { error: f.errorA ?? f.errorB ?? '' }) : '',
      adjustmentsB: f.adjustmentsB.map((a) => text('compare.adjustedB', lang, { text: a })),
      changed: f.rows.length,
    })),
    shownAll: digest.forms <= SHOWN_FORMS,
  };
}

export type CompareView = ReturnType<typeof compareView>;
