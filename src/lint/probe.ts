import type { BudgetFacts, FactValue, IndicatorFacts, TotalFacts } from '../rules/facts';

/**
 * A grid of consistent facts to probe a rule set with: every row kind and direction, completions from 0
 * to beyond 2, zero targets, every qualitative band, with and without reasons and declared scores, in every
 * level-1 indicator; budget execution rates from 0 to above 100%; totals around every grade and cap.
 */
const COMPLETIONS = ['0', '0.3', '0.5', '0.69', '0.7', '0.9', '0.99', '1', '1.1', '1.2', '1.29', '1.3', '2', '2.5'];

function quantitative(
  direction: string,
  completion: string,
  targetIsZero: boolean,
): Pick<IndicatorFacts, 'met' | 'completion' | 'deviation' | 'targetIsZero' | 'actualAtMostZero'> {
  if (targetIsZero) {
    const met = completion === '0';
    return { met, completion: null, deviation: met ? '0' : null, targetIsZero: true, actualAtMostZero: met };
  }
  const c = Number(completion);
  const met = direction === 'equal' ? c === 1 : c >= 1;
  const deviation = met ? '0' : String(Math.round(Math.abs(1 - c) * 1000) / 1000);
  return {
    met,
    completion,
    deviation,
    targetIsZero: false,
    actualAtMostZero: c === 0 && direction === 'higherIsBetter',
  };
}

/** Every combination of what a row can be that the rules may tell apart: per level-1 name and filled cells. */
export function indicatorProbes(level1Names: string[]): IndicatorFacts[] {
  const tails = [
    { hasDeclaredScore: false, hasManualReason: false, hasDeviationReason: false },
    { hasDeclaredScore: false, hasManualReason: false, hasDeviationReason: true },
    { hasDeclaredScore: true, hasManualReason: true, hasDeviationReason: false },
    { hasDeclaredScore: true, hasManualReason: false, hasDeviationReason: true },
  ];
  return level1Names.flatMap((level1) => tails.flatMap((tail) => rowProbes({ level1, maxScore: '10', ...tail })));
}

type ProbeBase = Pick<
  IndicatorFacts,
  'level1' | 'maxScore' | 'hasDeclaredScore' | 'hasManualReason' | 'hasDeviationReason'
>;

/** The rows of every kind for one level-1 name and set of filled cells. */
function rowProbes(base: ProbeBase): IndicatorFacts[] {
  const unmeasured = { completion: null, deviation: null, targetIsZero: false, actualAtMostZero: false };
  const out: IndicatorFacts[] = [
    { ...base, ...unmeasured, kind: 'notApplicable', direction: 'none', met: false, band: 'none', maxScore: null },
  ];
  for (const direction of ['higherIsBetter', 'lowerIsBetter', 'equal']) {
    for (const completion of COMPLETIONS) {
      out.push({
        ...base,
        kind: 'quantitative',
        direction,
        band: 'none',
        ...quantitative(direction, completion, false),
      });
    }
    for (const completion of ['0', '1']) {
      out.push({
        ...base,
        kind: 'quantitative',
        direction,
        band: 'none',
        ...quantitative(direction, completion, true),
      });
    }
  }
  for (const band of ['achieved', 'partial', 'notAchieved']) {
    out.push({ ...base, ...unmeasured, kind: 'qualitative', direction: 'none', met: band === 'achieved', band });
  }
  for (const band of ['achieved', 'partial', 'notAchieved', 'none']) {
    out.push({ ...base, ...unmeasured, kind: 'date', direction: 'none', met: band === 'achieved', band });
  }
  return out;
}

const RATES = [
  '0',
  '0.3',
  '0.45',
  '0.5',
  '0.55',
  '0.6',
  '0.65',
  '0.7',
  '0.75',
  '0.8',
  '0.85',
  '0.89',
  '0.9',
  '0.95',
  '1',
  '1.2',
];

export function budgetProbes(): BudgetFacts[] {
  return RATES.flatMap((executionRate) =>
    [false, true].map((hasReason) => ({ executionRate, executedAboveBudget: Number(executionRate) > 1, hasReason })),
  );
}

export function totalProbes(): TotalFacts[] {
  return RATES.flatMap((executionRate) =>
    ['40', '59', '60', '69', '79', '80', '89', '90', '100'].flatMap((total) =>
      [false, true].map((hasNotApplicable) => ({ executionRate, total, hasNotApplicable })),
    ),
  );
}

/** Short text of the facts that matter, for a finding's example. */
export function showFacts(facts: Record<string, FactValue>): string {
  return Object.entries(facts)
    .filter(([, v]) => v !== null && v !== false && v !== 'none')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}
