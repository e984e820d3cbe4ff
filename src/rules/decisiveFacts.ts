import { PARAMETER_FACT, type FactValue } from './facts';

/** A condition tree as evaluated: json-rules-engine's RuleResult conditions, or the fast evaluator's copy of them. */
export interface ResultCondition {
  all?: ResultCondition[];
  any?: ResultCondition[];
  not?: ResultCondition;
  fact?: string;
  factResult?: unknown;
  result?: boolean;
}

/** The facts that decided a rule: every leaf of an `all`, the passing leaves of an `any`, what a `not` looked at. */
export function decisiveFacts(conditions: ResultCondition): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  const walk = (c: ResultCondition): void => {
    if (c.all) c.all.forEach(walk);
    else if (c.any) c.any.filter((x) => x.result !== false).forEach(walk);
    else if (c.not) walk(c.not);
    else if (c.fact && c.fact !== PARAMETER_FACT) facts[c.fact] = (c.factResult ?? null) as FactValue;
  };
  walk(conditions);
  return facts;
}
