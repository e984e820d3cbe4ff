import { dec, type Decimal } from '../domain/decimal';
import type { Grade } from '../domain/model';
import type { RuleSetFile } from '../rules/ruleSet';

/** 等级 from the rule set's bands (lower bounds inclusive); null when the rule set prints no grade. */
export function gradeOf(total: Decimal, grades: RuleSetFile['grades']): Grade | null {
  if (!grades.print) return null;
  const bands = [...grades.bands].sort((a, b) => b.min - a.min);
  const band = bands.find((b) => total.greaterThanOrEqualTo(dec(b.min)));
  return band ? band.grade : (bands[bands.length - 1]?.grade ?? null);
}
