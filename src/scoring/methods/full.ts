import { textRef } from '../../errors/texts';
import { describeComparison, points, showDay, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';

/** 满分: the row met its target (or its band is 达成 with no manual score). */
export const full: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'full',
    appliesTo: ['quantitative', 'date', 'qualitative'],
    options: NO_OPTIONS,
  },
  compute({ reading, maxScore }) {
    const award = textRef('explain.full', { max: points(maxScore) });
    switch (reading.kind) {
      case 'quantitative':
        return { score: maxScore, explanation: then(describeComparison(reading), award) };
      case 'date':
        return {
          score: maxScore,
          explanation: textRef('explain.dateMet', {
            actual: showDay(reading.actual.date),
            target: showDay(reading.target.date),
            award,
          }),
        };
      case 'qualitative':
        return {
          score: maxScore,
          explanation: textRef('explain.qualitativeFull', { band: textRef(`explain.band.${reading.band}`), award }),
        };
      default:
        return { score: maxScore, explanation: award };
    }
  },
};
