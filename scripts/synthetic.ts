import { dec } from '../src/domain/decimal';
import type { IndicatorInput } from '../src/scoring/reading';
import type { FormInput } from '../src/scoring/scoreForm';

/**
 * Seed-like synthetic forms for benchmarks: mixed row kinds, units, under- and over-achievement,
 * qualitative rows and a few faulty declared scores. Deterministic for a given seed.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LEVELS: [string, string[]][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];

const PATTERNS = [
  (r: () => number) => {
    const t = 100 + Math.floor(r() * 900);
    return { target: `${t}篇以上`, actual: `${Math.floor(t * (0.7 + r() * 0.7))}篇` };
  },
  (r: () => number) => {
    const t = 90 + Math.floor(r() * 9);
    return { target: `≥${t}%`, actual: `${(t - 8 + r() * 12).toFixed(2)}%` };
  },
  (r: () => number) => {
    const t = 100 + Math.floor(r() * 400);
    return { target: `≤${t}万元`, actual: `${(t * (0.8 + r() * 0.4)).toFixed(1)}万元` };
  },
  (r: () => number) => {
    const t = 1 + Math.floor(r() * 20);
    return { target: `＝${t}个`, actual: `${r() < 0.8 ? t : Math.max(0, t - 1)}个` };
  },
  (r: () => number) => ({ target: '全年无故障', actual: r() < 0.9 ? '全年无故障' : '基本完成', band: undefined }),
  (r: () => number) => ({ target: '长期', actual: '长期', ...(r() < 0.1 ? { target: '全省前列', actual: '全省第三', band: 'achieved' as const } : {}) }),
  (r: () => number) => ({ target: `${20 + Math.floor(r() * 10)}天以内`, actual: `${18 + Math.floor(r() * 15)}天` }),
  (r: () => number) => ({ target: `${(1 + r() * 3).toFixed(1)}万余条`, actual: `${(1 + r() * 4).toFixed(1)}万条` }),
];

export function syntheticForm(index: number, rows = 20): FormInput {
  const r = rng(index + 1);
  const indicators: IndicatorInput[] = [];
  const levels: FormInput['levels'] = [];
  const perLevel = [Math.round(rows * 0.5), Math.round(rows * 0.35)];
  const counts = [perLevel[0]!, perLevel[1]!, rows - perLevel[0]! - perLevel[1]!];
  const weights = [50, 30, 10];
  LEVELS.forEach(([level1, level2s], li) => {
    const n = counts[li]!;
    const ids: string[] = [];
    let remaining = weights[li]!;
    for (let k = 0; k < n; k++) {
      const id = `${li + 1}.${k + 1}`;
      const maxScore = k === n - 1 ? remaining : Math.max(1, Math.floor(weights[li]! / n));
      remaining -= maxScore;
      const p = PATTERNS[Math.floor(r() * PATTERNS.length)]!(r) as { target: string; actual: string; band?: 'achieved' };
      const input: IndicatorInput = {
        id,
        name: `指标${id}`,
        level1,
        level2: level2s[k % level2s.length]!,
        target: p.target,
        maxScore: dec(maxScore),
        actual: p.actual,
        deviationReason: r() < 0.5 ? '原因已说明' : '',
        locations: {},
      };
      if (p.band) input.band = p.band;
      if (p.actual === '基本完成') {
        input.declaredScore = dec(maxScore).times(0.7).toDecimalPlaces(2);
        input.reason = '部分达成';
      }
      if (r() < 0.05) input.declaredScore = dec(maxScore).minus(0.5); // a faulty declared score
      indicators.push(input);
      ids.push(id);
    }
    levels.push({ name: level1, declaredWeight: dec(weights[li]!), groups: [{ name: level2s[0]!, ids }] });
  });
  const budget = 100 + Math.floor(r() * 900);
  const executed = (budget * (0.6 + r() * 0.45)).toFixed(2);
  return {
    form: 'project',
    title: `合成表${index}`,
    fiscalYear: 2023,
    department: `单位${index}`,
    header: {
      implementingUnit: `单位${index}`,
      project: { name: `合成项目${index}`, subProject: '', totalInvestment: String(budget), fiscalFunding: String(budget), period: '2023年' },
      overallGoal: { expected: '完成年度任务。', actual: '基本完成。' },
      signOff: { preparer: '', phone: '', date: '', reviewer: '', head: '' },
    },
    budget: {
      maxScore: dec(10),
      initialBudget: dec(budget),
      fullYearBudget: dec(budget),
      executed: dec(executed),
      breakdown: [],
      declaredScore: null,
      reason: r() < 0.5 ? '说明' : '',
      locations: {},
    },
    indicators,
    levels,
    declared: { total: r() < 0.1 ? dec(100) : null, grade: null, maxTotal: dec(100) },
    hashes: { definitionsSha256: '', actualsSha256: '' },
  };
}
