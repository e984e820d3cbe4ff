import type { ConditionInput } from '../schema/ruleset';
import { decisiveFacts, type ResultCondition } from './decisiveFacts';
import { emptyOutcome, recordEvent, type Outcome } from './outcome';
import { PARAMETER_FACT, type FactValue, type Scope } from './facts';
import { resolvePath } from './paths';
import type { RuleSet } from './ruleSet';

/**
 * A synchronous evaluator of a rule set's json-rules-engine rules, for runs over thousands of forms.
 * json-rules-engine stays the reference, and this gives its outcome exactly, rule for rule and fact for fact:
 * the engine's own operators (handed over by CompiledRuleSet), every condition evaluated (the engine does not
 * stop at the first failing one), an empty `all` or `any` true, a path read by the same resolver and only on an object,
 * the decisive facts taken from the same annotated tree, fired rules in the same order. `test/rules.fastParity`
 * compares both on every repository rule set and on generated rule sets; `npm run bench:compare` on every row.
 * A rule set using what this does not mirror (an operator it was not handed) is refused with
 * FastPathUnsupported, and the engine is used.
 */

export class FastPathUnsupported extends Error {}

/** How a condition's operator is applied: json-rules-engine's own Operator (its fact validator, then its callback). */
export type ApplyOperator = (factValue: unknown, compareTo: unknown) => boolean;

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Reads a fact as the engine's almanac does: an unknown fact is an error; a path is read only on an object. */
function factValue(
  facts: Record<string, FactValue>,
  parameters: object,
  fact: string,
  path: string | undefined,
): unknown {
  let value: unknown;
  if (fact === PARAMETER_FACT) value = parameters;
  else if (own(facts, fact)) value = facts[fact];
  else throw new Error(`Undefined fact: ${fact}`);
  return path && value !== null && typeof value === 'object' ? resolvePath(value, path) : value;
}

/** Evaluates a condition, annotating a copy of it as the engine annotates its RuleResult (result, factResult). */
type Evaluate = (facts: Record<string, FactValue>) => ResultCondition;
/**
 * The same evaluation giving only its `result` (a leaf's is the operator's value as it is, as in the annotated copy):
 * most rules do not fire, and their annotated copies would be thrown away.
 */
type Test = (facts: Record<string, FactValue>) => unknown;

interface CompiledCondition {
  evaluate: Evaluate;
  test: Test;
}

export function compileCondition(
  condition: ConditionInput,
  parameters: object,
  operatorOf: (name: string) => ApplyOperator | undefined,
): CompiledCondition {
  if ('all' in condition || 'any' in condition) {
    const every = 'all' in condition;
    const parts = (every ? condition.all : condition.any).map((c) => compileCondition(c, parameters, operatorOf));
    return {
      evaluate: (facts) => {
        const children = parts.map((p) => p.evaluate(facts));
        // no conditions: true either way; one: its own result; more: every or some (all of them evaluated)
        const result =
          children.length === 0 ||
          (every ? children.every((c) => c.result === true) : children.some((c) => c.result === true));
        return every ? { all: children, result } : { any: children, result };
      },
      test: (facts) => {
        // every part is evaluated, as the engine does: a later part naming an unknown fact throws either way
        let passed = 0;
        for (const part of parts) if (part.test(facts) === true) passed++;
        return parts.length === 0 || (every ? passed === parts.length : passed > 0);
      },
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, parameters, operatorOf);
    return {
      evaluate: (facts) => {
        const evaluated = inner.evaluate(facts);
        return { not: evaluated, result: !evaluated.result };
      },
      test: (facts) => !inner.test(facts),
    };
  }
  return compileLeaf(condition, parameters, operatorOf);
}

/** A condition on one fact: the engine's operator applied to the fact's value and the value it is compared to. */
function compileLeaf(
  condition: Extract<ConditionInput, { fact: string }>,
  parameters: object,
  operatorOf: (name: string) => ApplyOperator | undefined,
): CompiledCondition {
  const operator = operatorOf(condition.operator);
  if (!operator) throw new FastPathUnsupported(`operator ${condition.operator}`);
  const { fact, path } = condition;
  const raw = condition.value;
  let value: (facts: Record<string, FactValue>) => unknown = () => raw;
  if (raw !== null && typeof raw === 'object' && own(raw, 'fact')) {
    const ref = raw as { fact: unknown; path?: string };
    if (typeof ref.fact !== 'string') throw new FastPathUnsupported(`a value naming the fact ${String(ref.fact)}`);
    const named = ref.fact;
    // a parameter is read once; another fact of the same run (signed below required) as the engine reads it
    if (named === PARAMETER_FACT) {
      const constant = factValue({}, parameters, PARAMETER_FACT, ref.path);
      value = () => constant;
    } else value = (facts) => factValue(facts, parameters, named, ref.path);
  }
  return {
    evaluate: (facts) => {
      const left = factValue(facts, parameters, fact, path);
      return { fact, factResult: left, result: operator(left, value(facts)) };
    },
    test: (facts) => operator(factValue(facts, parameters, fact, path), value(facts)),
  };
}

interface CompiledRule {
  name: string;
  priority: number;
  event: { type: string; params: Record<string, unknown> };
  conditions: CompiledCondition;
}

export class FastRuleSet {
  private readonly byScope: Record<Scope, CompiledRule[]>;

  constructor(
    readonly ruleSet: RuleSet,
    operatorOf: (name: string) => ApplyOperator | undefined,
  ) {
    const parameters = ruleSet.file.parameters as object;
    const compile = (scope: Scope): CompiledRule[] =>
      ruleSet.file.rules
        .filter((r) => r.scope === scope)
        .map((rule) => ({
          name: rule.name,
          priority: rule.priority,
          event: rule.event as CompiledRule['event'],
          conditions: compileCondition(rule.conditions, parameters, operatorOf),
        }))
        // higher priority first; equal priorities in the order the rule set lists them (as CompiledRuleSet orders them)
        .sort((a, b) => b.priority - a.priority);
    this.byScope = { indicator: compile('indicator'), budget: compile('budget'), total: compile('total') };
  }

  evaluate(scope: Scope, facts: Record<string, FactValue>): Outcome {
    const outcome = emptyOutcome();
    for (const rule of this.byScope[scope]) {
      if (rule.conditions.test(facts) !== true) continue;
      // a rule that fired is evaluated again with its copy annotated, for the facts that decided it
      const evaluated = rule.conditions.evaluate(facts);
      recordEvent(outcome, { name: rule.name, priority: rule.priority, facts: decisiveFacts(evaluated) }, rule.event);
    }
    return outcome;
  }
}
