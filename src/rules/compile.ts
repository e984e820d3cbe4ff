import { Engine, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { diagnostic, InputError } from '../errors/diagnostic';
import type { RuleInput } from '../schema/ruleset';
import { checkRules } from './checkRules';
import { PARAMETER_FACT, type FactValue, type Scope } from './facts';
import { DECIMAL_OPERATORS } from './operators';
import { resolvePath } from './paths';
import type { RuleSet } from './ruleSet';
import type { EventSpecs } from './events';
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
  private readonly queues: Record<Scope, Promise<unknown>> = {
    indicator: Promise.resolve(),
    budget: Promise.resolve(),
    total: Promise.resolve(),
  };

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
      const engine = new Engine([], {
        allowUndefinedFacts: false,
        allowUndefinedConditions: false,
        pathResolver: resolvePath,
      });
      for (const [name, evaluate] of Object.entries(DECIMAL_OPERATORS)) engine.addOperator(name, evaluate);
      engine.addFact(PARAMETER_FACT, ruleSet.file.parameters);
      ruleSet.file.rules.forEach((rule, index) => {
        if (rule.scope !== scope || invalid.has(rule.name)) return;
        try {
          engine.addRule(toEngineRule(rule));
        } catch (error) {
          throw new InputError([
            diagnostic(
              'INVALID_RULE',
              { rule: rule.name, detail: (error as Error).message },
              ruleSet.ruleLocations[index],
            ),
          ]);
        }
      });
      return engine;
    };
    const usable =
      invalid.size > 0
        ? { ...ruleSet, file: { ...ruleSet.file, rules: ruleSet.file.rules.filter((r) => !invalid.has(r.name)) } }
        : ruleSet;
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
      const operators = (
        this.engines.indicator as unknown as { operators: { get(name: string): { evaluate: ApplyOperator } | null } }
      ).operators;
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
      const rule: FiredRule = {
        name: String(result.name),
        priority: result.priority ?? 1,
        facts: decisiveFacts(result.conditions as unknown as ResultCondition),
      };
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
