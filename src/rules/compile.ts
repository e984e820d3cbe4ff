import { listOf, type Localized } from '../errors/texts';
import { Engine, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { issueText } from '../errors/zodIssue';
import type { ConditionInput, RuleInput } from '../schema/ruleset';
import { FACTS_BY_SCOPE, PARAMETER_FACT, type FactValue, type Scope } from './facts';
import { DECIMAL_OPERATORS, KNOWN_OPERATORS } from './operators';
import { resolvePath } from './paths';
import type { RuleSet } from './ruleSet';
import { EVENT_NAME_KEY, type EventSpec, type EventSpecs } from './events';
import type { SourceLocation } from '../domain/model';
import { FastPathUnsupported, FastRuleSet, type ApplyOperator } from './fastRuleSet';
import { decisiveFacts, type ResultCondition } from './decisiveFacts';
import { emptyOutcome, recordEvent, type FiredRule, type Outcome } from './outcome';

export type { AdjustDecision, FiredRule, FlagDecision, Outcome, ScoreDecision } from './outcome';

/** What scoring needs from a rule set: its content and the outcome of its rules for some facts. */
export interface RuleEvaluator {
  readonly ruleSet: RuleSet;
  evaluate(scope: Scope, facts: Record<string, FactValue>): Promise<Outcome>;
}


/**
 * One json-rules-engine Engine per scope of a rule set, built once and reused for every row of every form.
 * Construction checks every rule's facts, operators, methods and flags, and reports all problems at their lines.
 */
export class CompiledRuleSet implements RuleEvaluator {
  readonly ruleSet: RuleSet;
  private fastPath: RuleEvaluator | undefined;
  private readonly engines: Record<Scope, Engine>;
  /**
   * json-rules-engine keeps a run status on the Engine: a run that finishes marks the engine FINISHED and
   * an overlapping run then skips its remaining rules. Runs on one engine are therefore queued, never overlapped.
   * A run that fails (a condition that throws) is rejected at once, but its lower-priority rules still go on
   * afterwards and then mark the engine FINISHED, in the middle of the next run: after a failure the scope gets
   * a fresh engine.
   */
  private readonly queues: Record<Scope, Promise<unknown>> = { indicator: Promise.resolve(), budget: Promise.resolve(), total: Promise.resolve() };

  /** Each rule's place in the rule set, by name (names are unique). */
  private readonly places: Map<string, number>;

  private constructor(
    ruleSet: RuleSet,
    private readonly make: (scope: Scope) => Engine,
  ) {
    this.ruleSet = ruleSet;
    this.engines = { indicator: make('indicator'), budget: make('budget'), total: make('total') };
    this.places = new Map(ruleSet.file.rules.map((r, i) => [r.name, i]));
  }

  private order(result: RuleResult): number {
    return this.places.get(String(result.name)) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * With `skipInvalid`, rules with static problems are left out instead of failing the whole rule set
   * (for lint, which reports them and probes the rest).
   */
  static compile(ruleSet: RuleSet, known: EventSpecs, options: { skipInvalid?: boolean } = {}): CompiledRuleSet {
    const diagnostics = checkRules(ruleSet, known);
    const invalid = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => String(d.data.rule)));
    if (invalid.size > 0 && !options.skipInvalid) throw new InputError(diagnostics);
    const make = (scope: Scope): Engine => {
      const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false, pathResolver: resolvePath });
      for (const [name, evaluate] of Object.entries(DECIMAL_OPERATORS)) engine.addOperator(name, evaluate);
      engine.addFact(PARAMETER_FACT, ruleSet.file.parameters);
      ruleSet.file.rules.forEach((rule, index) => {
        if (rule.scope !== scope || invalid.has(rule.name)) return;
        try {
          engine.addRule(toEngineRule(rule));
        } catch (error) {
          throw new InputError([
            diagnostic('INVALID_RULE', { rule: rule.name, detail: (error as Error).message }, ruleSet.ruleLocations[index]),
          ]);
        }
      });
      return engine;
    };
    const usable = invalid.size > 0 ? { ...ruleSet, file: { ...ruleSet.file, rules: ruleSet.file.rules.filter((r) => !invalid.has(r.name)) } } : ruleSet;
    return new CompiledRuleSet(usable, make);
  }

  /**
   * The same rules evaluated synchronously without json-rules-engine, with the same outcome, for runs over many
   * forms (see FastRuleSet). Throws FastPathUnsupported for a rule set it does not mirror.
   */
  fast(): RuleEvaluator {
    if (!this.fastPath) {
      // the engine's own operators, so both apply the same callbacks behind the same fact validators (the map is
      // not in json-rules-engine's typings; test/rules.fastParity fails if it ever moves)
      const operators = (this.engines.indicator as unknown as { operators: { get(name: string): { evaluate: ApplyOperator } | null } }).operators;
      const rules = new FastRuleSet(this.ruleSet, (name) => {
        const operator = operators.get(name);
        return operator ? operator.evaluate.bind(operator) : undefined;
      });
      this.fastPath = { ruleSet: this.ruleSet, evaluate: async (scope, facts) => rules.evaluate(scope, facts) };
    }
    return this.fastPath;
  }

  /** The fast evaluator where it mirrors this rule set, else the engine itself: for batches of forms. */
  quick(): RuleEvaluator {
    try {
      return this.fast();
    } catch (error) {
      if (error instanceof FastPathUnsupported) return this;
      throw error;
    }
  }

  async evaluate(scope: Scope, facts: Record<string, FactValue>): Promise<Outcome> {
    const run = this.queues[scope].then(() => this.engines[scope].run(facts));
    this.queues[scope] = run.catch(() => {
      this.engines[scope] = this.make(scope);
    });
    const { results } = await run;
    // the engine lists fired rules as their conditions finish (a deeper tree finishes later): put them in priority
    // order, equal priorities in the order the rule set lists them, so the first score rule does not depend on it
    const fired = [...results].sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1) || this.order(a) - this.order(b));
    const outcome = emptyOutcome();
    for (const result of fired) {
      const rule: FiredRule = { name: String(result.name), priority: result.priority ?? 1, facts: decisiveFacts(result.conditions as unknown as ResultCondition) };
      recordEvent(outcome, rule, result.event ?? { type: '' });
    }
    return outcome;
  }
}

function toEngineRule(rule: RuleInput): RuleProperties {
  return {
    name: rule.name,
    priority: rule.priority,
    conditions: rule.conditions as unknown as TopLevelCondition,
    event: { type: rule.event.type, params: { ...rule.event.params } },
  };
}

/** Every fact named in a condition tree. */
export function factsOf(condition: ConditionInput): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  const valueFact = typeof condition.value === 'object' && condition.value !== null && 'fact' in condition.value ? [String((condition.value as { fact: unknown }).fact)] : [];
  return [condition.fact, ...valueFact];
}

function operatorsOf(condition: ConditionInput): string[] {
  if ('all' in condition) return condition.all.flatMap(operatorsOf);
  if ('any' in condition) return condition.any.flatMap(operatorsOf);
  if ('not' in condition) return operatorsOf(condition.not);
  return [condition.operator];
}

/** Static checks of a rule set's rules against the facts, operators, methods and flags that exist. */
export function checkRules(ruleSet: RuleSet, known: EventSpecs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  ruleSet.file.rules.forEach((rule, index) => {
    const at = ruleSet.ruleLocations[index];
    if (seen.has(rule.name)) out.push(diagnostic('RULE_NAME_DUPLICATE', { rule: rule.name }, at));
    seen.add(rule.name);
    const allowedFacts = new Set([...Object.keys(FACTS_BY_SCOPE[rule.scope]), PARAMETER_FACT]);
    for (const fact of factsOf(rule.conditions)) {
      if (!allowedFacts.has(fact)) {
        out.push(diagnostic('UNKNOWN_FACT', { rule: rule.name, fact, scope: rule.scope, known: listOf([...allowedFacts]) }, at));
      }
    }
    for (const operator of operatorsOf(rule.conditions)) {
      if (!KNOWN_OPERATORS.includes(operator)) {
        out.push(diagnostic('UNKNOWN_OPERATOR', { rule: rule.name, operator, known: listOf(KNOWN_OPERATORS) }, at));
      }
    }
    out.push(...checkEvent(rule, at, ruleSet.locateInRule?.(index), known));
  });
  return out;
}

/**
 * A rule's event against the registry: the method or flag exists, suits the rule's scope, and its options
 * match the declared schema (an unknown key names the allowed ones).
 */
function checkEvent(rule: RuleInput, at: SourceLocation | undefined, locate: ((path: (string | number)[]) => SourceLocation) | undefined, known: EventSpecs): Diagnostic[] {
  const type = rule.event.type;
  const nameKey = EVENT_NAME_KEY[type];
  const { [nameKey]: named, ...options } = rule.event.params as Record<string, unknown>;
  const name = String(named);
  const table = known[type];
  const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  const where = (path: (string | number)[]): SourceLocation | undefined => locate?.(['event', 'params', ...path]) ?? at;
  if (!spec) {
    const data = { rule: rule.name, known: listOf(Object.keys(table)) };
    return [type === 'flag' ? diagnostic('UNKNOWN_FLAG', { ...data, flag: name }, where([nameKey])) : diagnostic('UNKNOWN_METHOD', { ...data, method: name }, where([nameKey]))];
  }
  const out: Diagnostic[] = [];
  if (!spec.scopes.includes(rule.scope)) {
    out.push(diagnostic('EVENT_SCOPE', { rule: rule.name, name, scope: rule.scope, scopes: listOf(spec.scopes) }, where([nameKey])));
  }
  const parsed = spec.options.safeParse(options);
  if (!parsed.success) {
    const allowed = optionKeys(spec);
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
    // a misspelt key also leaves the real one missing: name the misspelling (its hint lists the right keys), once
    for (const key of unknown) out.push(diagnostic('EVENT_OPTION_UNKNOWN', { rule: rule.name, name, option: key, allowed }, where([key])));
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      const option = issue.path.join('.') || '—';
      const missing = issue.path.length > 0 && !(String(issue.path[0]) in options);
      if (missing && unknown.length === 0) out.push(diagnostic('EVENT_OPTION_MISSING', { rule: rule.name, name, option, allowed }, where([])));
      else if (!missing) out.push(diagnostic('EVENT_OPTION_INVALID', { rule: rule.name, name, option, detail: issueText(issue) }, where(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)))));
    }
  }
  return out;
}

/** The option names a spec's (object) schema declares. */
function optionKeys(spec: EventSpec): Localized | string {
  const shape = (spec.options as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && Object.keys(shape).length > 0 ? listOf(Object.keys(shape)) : '—';
}

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
      const [reference, quick] = await Promise.all([compiledRuleSet.evaluate(scope, facts), fast.evaluate(scope, facts)]);
      if (outcomeKey(reference) === outcomeKey(quick)) agreement.agree++;
      else {
        agreement.disagree++;
        if (agreement.examples.length < 5) agreement.examples.push(`${scope} ${JSON.stringify(facts)}`);
      }
      return reference;
    },
  };
}
