import { plain } from '../../domain/decimal';
import { diagnostic } from '../../errors/diagnostic';
import { textRef } from '../../errors/texts';
import { points } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';

/** 人工评分: the evaluator's score, required with a reason, between 0 and 分值. */
export const manual: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'manual',
    appliesTo: ['quantitative', 'date', 'qualitative'],
    options: NO_OPTIONS,
  },
  compute({ input, maxScore }) {
    const where = input.locations.declaredScore ?? input.locations.actual ?? input.locations.definition;
    const data = {
      id: input.id,
      name: input.name,
      band: textRef('band.manual'),
      range: textRef('band.range', { low: '0', high: plain(maxScore) }),
    };
    const declared = input.declaredScore;
    if (declared === undefined || !input.reason) return { problem: diagnostic('MANUAL_SCORE_REQUIRED', data, where) };
    if (declared.greaterThan(maxScore))
      return { problem: diagnostic('MANUAL_SCORE_OUT_OF_BAND', { ...data, score: plain(declared) }, where) };
    return {
      score: declared,
      explanation: textRef('explain.manual', { score: points(declared), reason: input.reason ?? '' }),
    };
  },
};
