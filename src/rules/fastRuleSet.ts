import type { ConditionInput, RuleInput } from '../schema/ruleset';
import { emptyOutcome, recordEvent, type Outcome } from './outcome';
import { FACTS_BY_SCOPE, PARAMETER_FACT, type FactValue, type Scope } from './facts';
import { DECIMAL_OPERATORS } from './operators';
import type { RuleSet } from './ruleSet';
import { PLAIN_PATH } from './paths';

/**
 * A synchronous evaluator of a rule set's json-rules-engine rules, for runs over thousands of forms.
 * json-rules-engine stays the reference: this mirrors its operators, its `all`/`any`/`not`, its fact
 * references ({fact: parameter, path: "$.a.b"}) and its priority order, and `npm run bench:compare`
 * checks that both give the same outcome on every row.
 */

type Predicate = (facts: Record<string, FactValue>, decisive: Record<string, FactValue>) => boolean;

const numeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

/** json-rules-engine's default operators, with their fact validators. */
const ENGINE_OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  ...DECIMAL_OPERATORS,
};

/** `$.a.b` → ['a', 'b']; anything fancier is not supported here (the reference engine still handles it). */
function simplePath(path: string): string[] {
  if (!PLAIN_PATH.test(path)) throw new Error(`unsupported path ${path}`);
  return path.split('.').slice(1);
}

function lookup(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function compileCondition(condition: ConditionInput, parameters: unknown): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, parameters));
    return (facts, decisive) => parts.every((p) => p(facts, decisive));
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, parameters));
    return (facts, decisive) => {
      let passed = false;
      for (const p of parts) if (p(facts, decisive)) passed = true;
      return passed;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, parameters);
    return (facts) => !inner(facts, {});
  }
  const operator = ENGINE_OPERATORS[condition.operator];
  if (!operator) throw new Error(`unknown operator ${condition.operator}`);
  const { fact } = condition;
  const factPath = condition.path ? simplePath(condition.path) : null;
  const raw = condition.value as { fact?: string; path?: string } | unknown;
  let value: unknown = raw;
  if (raw !== null && typeof raw === 'object' && 'fact' in (raw as object)) {
    const ref = raw as { fact: string; path?: string };
    if (ref.fact !== PARAMETER_FACT) throw new Error(`fact reference ${ref.fact} is not supported`);
    value = ref.path ? lookup(parameters, simplePath(ref.path)) : parameters;
  }
  return (facts, decisive) => {
    let left: unknown = fact === PARAMETER_FACT ? parameters : facts[fact];
    if (left === undefined) throw new Error(`Undefined fact: ${fact}`);
    if (factPath) left = lookup(left, factPath);
    const result = operator(left, value);
    if (result && fact !== PARAMETER_FACT) decisive[fact] = left as FactValue;
    return result;
  };
}

interface CompiledRule {
  rule: RuleInput;
  test: Predicate;
}

export class FastRuleSet {
  private readonly byScope: Record<Scope, CompiledRule[]>;

  constructor(readonly ruleSet: RuleSet) {
    const parameters = ruleSet.file.parameters;
    const compile = (scope: Scope): CompiledRule[] =>
      ruleSet.file.rules
        .filter((r) => r.scope === scope)
        .map((rule) => ({ rule, test: compileCondition(rule.conditions, parameters) }))
        // json-rules-engine runs higher priority first; equal priorities keep their order
        .sort((a, b) => b.rule.priority - a.rule.priority);
    this.byScope = { indicator: compile('indicator'), budget: compile('budget'), total: compile('total') };
  }

  evaluate(scope: Scope, facts: Record<string, FactValue>): Outcome {
    for (const name of Object.keys(FACTS_BY_SCOPE[scope])) if (facts[name] === undefined) throw new Error(`Undefined fact: ${name}`);
    const outcome = emptyOutcome();
    for (const { rule, test } of this.byScope[scope]) {
      const decisive: Record<string, FactValue> = {};
      if (test(facts, decisive)) recordEvent(outcome, { name: rule.name, priority: rule.priority, facts: decisive }, rule.event as { type: string; params: Record<string, unknown> });
    }
    return outcome;
  }
}
