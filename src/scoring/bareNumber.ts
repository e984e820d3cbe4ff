import { percent, plain } from '../domain/decimal';
import type { ParsedNumber } from '../domain/model';
import { MAGNITUDE_SCALE } from '../domain/glossary';

/**
 * A bare number (no unit, no 万) under a target that has them takes the target's unit and magnitude; when that
 * reading is implausible and the other one is not, the clerk is asked instead of guessed for:
 * - `12650` under `1.2万户以上`: 12650万户 is 1,054,166% of the target, 12650户 is 105%;
 * - `0.95` under `≥95%`: 0.95% is far below, 0.95 as a fraction is 95%.
 */
export type UnclearBareNumber =
  | {
      code: 'ACTUAL_MAGNITUDE_UNCLEAR';
      asTarget: string;
      asTargetCompletion: string;
      asBase: string;
      asBaseInTarget: string;
    }
  | { code: 'ACTUAL_PERCENT_UNCLEAR'; asFraction: string; asPercent: string };

/** Completion of a reading far off target (at least 100×, or under 1%) is implausible; 1%–1000% is plausible. */
const IMPLAUSIBLY_HIGH = 100;
const PLAUSIBLE_LOW = 0.01;
const PLAUSIBLE_HIGH = 10;

export function unclearBareNumber(target: ParsedNumber, actual: ParsedNumber): UnclearBareNumber | null {
  if (
    actual.unit !== '' ||
    actual.magnitude !== null ||
    actual.comparator !== 'none' ||
    !target.value.isPositive() ||
    !actual.value.isPositive()
  )
    return null;
  if (target.magnitude !== null) {
    const scale = MAGNITUDE_SCALE[target.magnitude];
    const asTarget = actual.number.times(scale).div(target.value);
    const asBase = actual.number.div(target.value);
    if (
      asTarget.greaterThanOrEqualTo(IMPLAUSIBLY_HIGH) &&
      asBase.greaterThanOrEqualTo(PLAUSIBLE_LOW) &&
      asBase.lessThanOrEqualTo(PLAUSIBLE_HIGH)
    ) {
      return {
        code: 'ACTUAL_MAGNITUDE_UNCLEAR',
        asTarget: `${plain(actual.number)}${target.magnitude}${target.unit}`,
        asTargetCompletion: percent(asTarget),
        asBase: `${plain(actual.number)}${target.unit}`,
        asBaseInTarget: `${plain(actual.number.div(scale))}${target.magnitude}${target.unit}`,
      };
    }
  }
  // a fraction under a percentage target (0.95 under ≥95%): 95% or 0.95%?
  if (target.unit === '%' && target.value.greaterThan(1) && actual.value.lessThanOrEqualTo(1)) {
    return {
      code: 'ACTUAL_PERCENT_UNCLEAR',
      asFraction: `${plain(actual.number.times(100))}%`,
      asPercent: `${plain(actual.number)}%`,
    };
  }
  return null;
}
