import { BAND_LABEL } from '../../domain/glossary';
import { describeComparison, points, showDay } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';

/** 满分: the row met its target (or its band is 达成 with no manual score). */
export const full: ScoringMethod = {
  meta: {
    id: 'full',
    label: '达标得满分',
    description: '达到年度指标值，得满分。',
    appliesTo: ['quantitative', 'date', 'qualitative'],
    options: NO_OPTIONS,
  },
  compute({ reading, maxScore }) {
    const award = `得满分${points(maxScore)}`;
    switch (reading.kind) {
      case 'quantitative':
        return { score: maxScore, explanation: `${describeComparison(reading)}，${award}` };
      case 'date':
        return {
          score: maxScore,
          explanation: `时效指标：实际${showDay(reading.actual.date)}，不晚于目标${showDay(reading.target.date)}，${award}`,
        };
      case 'qualitative':
        return { score: maxScore, explanation: `定性指标：${BAND_LABEL[reading.band]}，${award}` };
      default:
        return { score: maxScore, explanation: award };
    }
  },
};
