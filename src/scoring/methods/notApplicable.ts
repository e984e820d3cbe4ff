import { textRef } from '../../errors/texts';
import { ZERO } from '../../domain/decimal';
import { NO_OPTIONS, type ScoringMethod } from './method';

/** 不适用: the row is left out of the score and of the maximum. */
export const notApplicable: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'notApplicable',
    appliesTo: ['notApplicable'],
    options: NO_OPTIONS,
  },
  compute() {
    return { score: ZERO, explanation: textRef('explain.notApplicable') };
  },
};
