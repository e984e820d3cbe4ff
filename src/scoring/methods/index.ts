import { equal } from './equal';
import { full } from './full';
import { inverseProportional } from './inverseProportional';
import { linearPenalty } from './linearPenalty';
import { manual } from './manual';
import type { ScoringMethod } from './method';
import { notApplicable } from './notApplicable';
import { proportional } from './proportional';
import { qualitativeBand } from './qualitativeBand';
import { satisfactionRate } from './satisfactionRate';

/** Every method a rule's score event may name for an indicator row. */
export const INDICATOR_METHODS: Record<string, ScoringMethod> = Object.fromEntries(
  [
    full,
    proportional,
    inverseProportional,
    linearPenalty,
    equal,
    qualitativeBand,
    manual,
    notApplicable,
    satisfactionRate,
  ].map((m) => [m.meta.id, m]),
);
