import { plain, ZERO } from '../domain/decimal';
import { factText } from '../rules/operators';
import type { IndicatorFacts } from '../rules/facts';
import type { IndicatorInput, RowReading } from './reading';

function filled(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/** The facts json-rules-engine sees for one row. Decimals travel as exact text. */
export function indicatorFacts(input: IndicatorInput, reading: RowReading): IndicatorFacts {
  const q = reading.kind === 'quantitative' ? reading.comparison : null;
  let band: IndicatorFacts['band'] = 'none';
  if (reading.kind === 'qualitative') band = reading.band;
  else if (reading.kind === 'date') band = reading.met ? 'achieved' : (input.band ?? 'none');
  let met = false;
  if (q) met = q.met;
  else if (reading.kind === 'date') met = reading.met;
  else if (reading.kind === 'qualitative') met = reading.band === 'achieved';
  return {
    kind: reading.kind,
    direction: q ? q.direction : 'none',
    met,
    completion: q?.completion ? factText(q.completion) : null,
    deviation: q?.deviation ? factText(q.deviation) : null,
    targetIsZero: q ? q.targetValue.isZero() : false,
    actualAtMostZero: q ? q.actualValue.lessThanOrEqualTo(ZERO) : false,
    band,
    hasDeclaredScore: input.declaredScore !== undefined,
    hasManualReason: filled(input.reason),
    hasDeviationReason: filled(input.deviationReason) || filled(input.improvement),
    level1: input.level1Key ?? input.level1,
    maxScore: input.maxScore ? plain(input.maxScore) : null,
  };
}
