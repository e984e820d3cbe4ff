import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { SourceLocation } from '../domain/model';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { listOf } from '../errors/texts';
import type { ReviewRuleInput, ReviewScope } from '../schema/reviewRuleSet';
import type { ConditionInput } from '../schema/ruleset';
import { factsOf, operatorsOf } from './checkRules';
import { PARAMETER_FACT, type FactValue } from './facts';
import { DECIMAL_OPERATORS, KNOWN_OPERATORS } from './operators';
import { resolvePath } from './paths';
import { compileCondition, type ApplyOperator } from './fastRuleSet';

/** A review rule that fired on some facts: its name and its finding's parameters. */
export interface FiredFinding {
  rule: string;
  params: ReviewRuleInput['event']['params'];
}

/** The facts a review rule may name, per scope (each with what it means). */
export type FactCatalog = Record<ReviewScope, Record<string, string>>;

/** Static checks of review rules: unique names, facts of their scope, operators that exist. */
export function checkFindingRules(
  rules: readonly ReviewRuleInput[],
  facts: FactCatalog,
  locations: readonly (SourceLocation | undefined)[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const at = locations[index];
    if (seen.has(rule.name)) out.push(diagnostic('RULE_NAME_DUPLICATE', { rule: rule.name }, at));
    seen.add(rule.name);
    const allowed = new Set([...Object.keys(facts[rule.scope]), PARAMETER_FACT]);
    for (const fact of factsOf(rule.conditions))
      if (!allowed.has(fact))
        out.push(
          diagnostic('UNKNOWN_FACT', { rule: rule.name, fact, scope: rule.scope, known: listOf([...allowed]) }, at),
        );
    for (const operator of operatorsOf(rule.conditions))
      if (!KNOWN_OPERATORS.includes(operator))
        out.push(diagnostic('UNKNOWN_OPERATOR', { rule: rule.name, operator, known: listOf(KNOWN_OPERATORS) }, at));
  });
  return out;
}

/**
 * The review rules of a rule set on json-rules-engine: one Engine per scope, built once and reused for every row,
 * form and department of a year. The rules' thresholds and word lists are the rule set's parameters.
 */
export class FindingEngine {
  private readonly engines: Record<ReviewScope, Engine>;
  private readonly order: Map<string, number>;
  /** Runs on one engine are queued (json-rules-engine keeps a run status on the Engine: see CompiledRuleSet). */
  private readonly queues: Record<ReviewScope, Promise<unknown>> = {
    row: Promise.resolve(),
    form: Promise.resolve(),
    department: Promise.resolve(),
  };

  /** The same rules evaluated synchronously (see FastRuleSet), with the engine's own operators, by scope. */
  private readonly fastRules: Record<
    ReviewScope,
    { rule: ReviewRuleInput; conditions: { test: (facts: Record<string, FactValue>) => unknown } }[]
  >;

  constructor(
    rules: readonly ReviewRuleInput[],
    parameters: Record<string, unknown>,
    facts: FactCatalog,
    locations: readonly (SourceLocation | undefined)[],
  ) {
    const problems = checkFindingRules(rules, facts, locations).filter((d) => d.severity === 'error');
    if (problems.length > 0) throw new InputError(problems);
    this.order = new Map(rules.map((r, i) => [r.name, i]));
    const make = (scope: ReviewScope): Engine => {
      const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
      for (const [name, evaluate] of Object.entries(DECIMAL_OPERATORS)) engine.addOperator(name, evaluate);
      engine.addFact(PARAMETER_FACT, parameters);
      for (const rule of rules)
        if (rule.scope === scope)
          engine.addRule({
            name: rule.name,
            priority: rule.priority,
            conditions: rule.conditions as unknown as TopLevelCondition,
            event: { type: rule.event.type, params: { ...rule.event.params } },
          });
      return engine;
    };
    this.engines = { row: make('row'), form: make('form'), department: make('department') };
    // the engine's own operators, so both paths apply the same callbacks behind the same fact validators
    const operators = (
      this.engines.row as unknown as { operators: { get(name: string): { evaluate: ApplyOperator } | null } }
    ).operators;
    const operatorOf = (name: string): ApplyOperator | undefined => {
      const operator = operators.get(name);
      return operator ? operator.evaluate.bind(operator) : undefined;
    };
    const compile = (scope: ReviewScope) =>
      rules
        .filter((r) => r.scope === scope)
        .map((rule) => ({ rule, conditions: compileCondition(rule.conditions, parameters, operatorOf) }));
    this.fastRules = { row: compile('row'), form: compile('form'), department: compile('department') };
  }

  /**
   * The rules that fire, evaluated without json-rules-engine, with its outcome (test/review.rules checks both on
   * every case): a year of forms is a hundred thousand rows, and the engine's promises were most of the re-check.
   */
  runFast(scope: ReviewScope, facts: Record<string, FactValue>): FiredFinding[] {
    return this.fastRules[scope]
      .filter((r) => r.conditions.test(facts) === true)
      .map((r) => ({ rule: r.rule.name, params: r.rule.event.params }));
  }

  /** The rules of a scope that fire on these facts, in the order the rule set lists them. */
  async run(scope: ReviewScope, facts: Record<string, FactValue | number>): Promise<FiredFinding[]> {
    const run = this.queues[scope].then(() => this.engines[scope].run(facts));
    this.queues[scope] = run.catch(() => undefined);
    const { results } = await run;
    return results
      .map((r) => ({ rule: String(r.name), params: r.event?.params as FiredFinding['params'] }))
      .sort((a, b) => (this.order.get(a.rule) ?? 0) - (this.order.get(b.rule) ?? 0));
  }
}

/** The facts a rule's conditions name (its own facts, not the parameters): what a finding shows as its detail. */
export function factsNamed(rule: ReviewRuleInput): string[] {
  return [...new Set(factsOf(rule.conditions))].filter((f) => f !== PARAMETER_FACT);
}

/** The parameters a rule's conditions compare with (`{ fact: parameter, path: $.name }` → name). */
export function parameterPaths(rule: ReviewRuleInput): string[] {
  const out: string[] = [];
  const walk = (c: ConditionInput): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      const v = c.value as { fact?: unknown; path?: unknown } | null;
      if (v && typeof v === 'object' && v.fact === PARAMETER_FACT && typeof v.path === 'string')
        out.push(v.path.replace(/^\$\./, ''));
    }
  };
  walk(rule.conditions);
  return out;
}
