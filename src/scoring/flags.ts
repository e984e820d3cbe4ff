import { dec, percent } from '../domain/decimal';
import { diagnostic, type DataOf, type Diagnostic, type DiagnosticData } from '../errors/diagnostic';
import { isCode } from '../errors/catalog';
import { textRef, type TextKey } from '../errors/texts';
import type { RuleSetParameters } from '../rules/ruleSet';
import type { FlagDecision } from '../rules/compile';

/** Why a rule asks for an explanation (REASON_REQUIRED's `because`); each has a text in the catalog. */
export const REASON_KINDS = ['belowTarget', 'farAboveTarget', 'qualitativeNotAchieved', 'lowExecution'] as const;

/**
 * Turns a rule's flag event into a diagnostic. The message's figures come from the row and from the
 * rule-set parameter the rule tested, so the text always says the threshold that was actually applied.
 */
export function flagFromRule(
  decision: FlagDecision,
  base: DiagnosticData,
  parameters: RuleSetParameters,
  location?: Diagnostic['location'],
): Diagnostic {
  // rule sets are checked against the flag registry when they load, so an unknown code here is a bug
  if (!isCode(decision.code)) throw new Error(`unknown flag ${decision.code}`);
  const code = decision.code;
  const data: DiagnosticData = { ...base };
  for (const [k, v] of Object.entries(decision.params)) if (typeof v === 'string' || typeof v === 'number') data[k] = v;
  if (code === 'OVER_ACHIEVEMENT') data.threshold ??= percent(dec(parameters.overAchievement.flagAt));
  if (code === 'LOW_EXECUTION_RATE') data.threshold ??= percent(dec(parameters.lowExecutionRate));
  data.reasonField ??= textRef('term.reasonField.row');
  if (code === 'REASON_REQUIRED') data.because = textRef(`reason.${String(decision.params.because)}` as TextKey);
  data.rule = decision.rule.name;
  return diagnostic(code, data as DataOf<typeof code>, location);
}
