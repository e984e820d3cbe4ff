import type { CompiledRuleSet, RuleEvaluator } from './compile';
import type { Outcome } from './outcome';

/** An outcome whole: method and options, every fired rule with the facts that decided it, flags and adjustments, in order. */
export function outcomeKey(outcome: Outcome): string {
  return JSON.stringify(outcome);
}

export interface Agreement {
  agree: number;
  disagree: number;
  examples: string[];
}

/**
 * Runs both json-rules-engine (the reference, whose outcome is used) and the fast path on every call and
 * counts whether their outcomes are the same, fact for fact and in the same order: the check behind
 * `npm run bench:compare`.
 */
export function checkedEvaluator(compiledRuleSet: CompiledRuleSet, agreement: Agreement): RuleEvaluator {
  const fast = compiledRuleSet.fast();
  return {
    ruleSet: compiledRuleSet.ruleSet,
    async evaluate(scope, facts) {
      const [reference, quick] = await Promise.all([
        compiledRuleSet.evaluate(scope, facts),
        fast.evaluate(scope, facts),
      ]);
      if (outcomeKey(reference) === outcomeKey(quick)) agreement.agree++;
      else {
        agreement.disagree++;
        if (agreement.examples.length < 5) agreement.examples.push(`${scope} ${JSON.stringify(facts)}`);
      }
      return reference;
    },
  };
}
