import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { compiled, KNOWN_EVENTS, loadRuleSet } from '../src/load/ruleSets';
import { loadForm } from '../src/load/loadForm';
import { CompiledRuleSet } from '../src/rules/compile';
import { FACTS_BY_SCOPE, type FactValue, type Scope } from '../src/rules/facts';
import type { RuleSet } from '../src/rules/ruleSet';
import type { ConditionInput, RuleInput } from '../src/schema/ruleset';
import { scoreForm } from '../src/scoring/scoreForm';
import { generateForm } from '../scripts/generate';
import { ROOT, tempDir } from './helpers';

/**
 * The fast evaluator batches use must give json-rules-engine's outcome exactly: the same method, the same rule
 * with the same decisive facts, the same flags and adjustments in the same order, the same errors.
 */

const SCOPES: Scope[] = ['indicator', 'budget', 'total'];
const base = loadRuleSet('caiyu-2020-10');

/** What each fact may hold, real values and awkward ones (null, a word where a number goes, a negative). */
const FACT_VALUES: Record<string, FactValue[]> = {
  kind: ['quantitative', 'date', 'qualitative', 'notApplicable'],
  direction: ['higherIsBetter', 'lowerIsBetter', 'equal', 'none'],
  band: ['achieved', 'partial', 'notAchieved', 'none'],
  level1: ['产出指标', '效益指标', '满意度指标'],
};
const DECIMALS: FactValue[] = ['0', '0.3', '0.9', '0.95', '1', '1.2', '-0.1', '100', '59.5', null, '不详'];
const BOOLEAN_FACTS = new Set([
  'met',
  'targetIsZero',
  'actualAtMostZero',
  'hasDeclaredScore',
  'hasManualReason',
  'hasDeviationReason',
  'executedAboveBudget',
  'hasReason',
  'hasNotApplicable',
]);

const valuesOf = (fact: string): FactValue[] =>
  FACT_VALUES[fact] ?? (BOOLEAN_FACTS.has(fact) ? [true, false] : DECIMALS);

const factsArb = (scope: Scope): fc.Arbitrary<Record<string, FactValue>> =>
  fc.record(Object.fromEntries(Object.keys(FACTS_BY_SCOPE[scope]).map((f) => [f, fc.constantFrom(...valuesOf(f))])));

const PARAMETER_PATHS = [
  '$.lowExecutionRate',
  '$.overAchievement.flagAt',
  '$.overAchievement',
  '$.nothing.here',
  '$..flagAt',
];
const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'atLeast',
  'above',
  'atMost',
  'below',
  'sameAs',
];

const leafArb = (scope: Scope): fc.Arbitrary<ConditionInput> =>
  fc
    .record({
      fact: fc.constantFrom(...Object.keys(FACTS_BY_SCOPE[scope]), 'parameter'),
      operator: fc.constantFrom(...OPERATORS),
      pick: fc.nat(20),
      reference: fc.option(fc.constantFrom(...PARAMETER_PATHS), { freq: 4 }),
      path: fc.option(fc.constantFrom('$.length', '$.lowExecutionRate', '$.overAchievement.flagAt'), { freq: 6 }),
      number: fc.constantFrom(0, 0.3, 0.9, 1, 1.2, 60, -1),
    })
    .map(({ fact, operator, pick, reference, path: factPath, number }) => {
      const pool = fact === 'parameter' ? DECIMALS : valuesOf(fact);
      const one = pool[pick % pool.length];
      // `in` takes a list (a reference to a number there makes the engine throw: a few such cases come from the
      // reference of other operators to an object)
      const value =
        operator === 'in' || operator === 'notIn'
          ? pool.slice(0, 1 + (pick % 3))
          : reference
            ? { fact: 'parameter', path: reference }
            : pick % 3 === 0
              ? number
              : one;
      return {
        fact,
        operator,
        value,
        ...(factPath || fact === 'parameter' ? { path: factPath ?? '$.lowExecutionRate' } : {}),
      } as ConditionInput;
    });

const conditionArb = (scope: Scope): fc.Arbitrary<ConditionInput> =>
  fc.letrec<{ node: ConditionInput }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(scope),
      fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).node;

const topArb = (scope: Scope): fc.Arbitrary<ConditionInput> =>
  fc.oneof(
    fc.array(conditionArb(scope), { maxLength: 4 }).map((all) => ({ all })),
    fc.array(conditionArb(scope), { maxLength: 4 }).map((any) => ({ any })),
    conditionArb(scope).map((not) => ({ not })),
  );

/** The shipped rule sets' events for a scope: valid by construction, so generated rules compile. */
const eventsOf = (scope: Scope): RuleInput['event'][] =>
  ['caiyu-2020-10', 'provincial-linear'].flatMap((id) =>
    loadRuleSet(id)
      .file.rules.filter((r) => r.scope === scope)
      .map((r) => r.event),
  );

const ruleSetArb = (scope: Scope): fc.Arbitrary<RuleSet> =>
  fc
    .array(
      fc.record({
        conditions: topArb(scope),
        priority: fc.constantFrom(1, 1, 10, 50),
        event: fc.constantFrom(...eventsOf(scope)),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((rules) => ({
      ...base,
      sha256: 'generated',
      file: { ...base.file, rules: rules.map((r, i) => ({ name: `规则${i + 1}`, scope, ...r }) as RuleInput) },
      ruleLocations: [],
    }));

/** An outcome, or the error's message: both evaluators must fail alike too. */
async function settle(work: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await work());
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('the fast rule evaluator gives json-rules-engine’s outcome exactly', () => {
  test.each(SCOPES)(
    'generated rule sets for the %s scope: any, all, not, empty lists, paths, parameter references, priorities',
    async (scope) => {
      let fired = 0;
      let errors = 0;
      await fc.assert(
        fc.asyncProperty(
          ruleSetArb(scope),
          fc.array(factsArb(scope), { minLength: 1, maxLength: 8 }),
          async (ruleSet, factsList) => {
            const engine = CompiledRuleSet.compile(ruleSet, KNOWN_EVENTS);
            const fast = engine.fast();
            for (const facts of factsList) {
              const reference = await settle(() => engine.evaluate(scope, facts));
              expect(await settle(() => fast.evaluate(scope, facts))).toBe(reference);
              if (reference.startsWith('error')) errors++;
              else if (JSON.parse(reference).fired.length > 0) fired++;
            }
          },
        ),
        { numRuns: 150, seed: 20261129 },
      );
      // the generated cases do exercise rules that fire (a comparison of empty outcomes would prove nothing)
      expect(fired).toBeGreaterThan(100);
      expect(errors).toBeLessThan(fired);
    },
  );

  test('every shipped rule set, on every row of the examples, the corpus and 60 generated forms: the whole result alike', async () => {
    const dir = tempDir();
    const files = [
      ...['examples/zhuzhou-2020', 'examples/water-2023', 'test/corpus'].flatMap((d) =>
        readdirSync(path.join(ROOT, d))
          .filter((f) => f.endsWith('.actuals.yaml'))
          .map((f) => path.join(ROOT, d, f)),
      ),
      ...Array.from({ length: 60 }, (_, i) => {
        const form = generateForm(i, 12);
        writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
        writeFileSync(path.join(dir, `${form.name}.actuals.yaml`), form.actuals);
        return path.join(dir, `${form.name}.actuals.yaml`);
      }),
    ];
    const ruleSets = readdirSync(path.join(ROOT, 'indicators/rulesets'))
      .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(ruleSets.length).toBeGreaterThanOrEqual(3);
    let rows = 0;
    for (const id of ruleSets) {
      const ruleSet = loadRuleSet(id);
      for (const file of files) {
        const loaded = loadForm(file, { ruleSet });
        const engine = compiled(loaded.ruleSet);
        const reference = await scoreForm(loaded.input, engine);
        expect(JSON.stringify(await scoreForm(loaded.input, engine.fast()))).toBe(JSON.stringify(reference));
        rows += reference.indicators.length;
      }
    }
    expect(rows).toBeGreaterThan(1000);
  });

  test('a run that fails does not cut short the next: json-rules-engine finishes a failed run in the background', async () => {
    const event = eventsOf('budget')[0]!;
    const rules = [
      {
        name: '高优先级',
        scope: 'budget',
        priority: 50,
        conditions: { all: [{ fact: 'hasReason', operator: 'equal', value: true }] },
        event,
      },
      {
        name: '低优先级',
        scope: 'budget',
        priority: 10,
        conditions: { all: [{ fact: 'executionRate', operator: 'atLeast', value: 0 }] },
        event,
      },
    ] as RuleInput[];
    const engine = CompiledRuleSet.compile(
      { ...base, sha256: 'failing', file: { ...base.file, rules }, ruleLocations: [] },
      KNOWN_EVENTS,
    );
    const whole = { executionRate: '0.95', executedAboveBudget: false, hasReason: true };
    for (let i = 0; i < 5; i++) {
      await expect(engine.evaluate('budget', { executionRate: '0.95', executedAboveBudget: false })).rejects.toThrow(
        'Undefined fact: hasReason',
      );
      expect((await engine.evaluate('budget', whole)).fired).toEqual(['高优先级', '低优先级']);
    }
  });

  test('a value that names another fact is mirrored too: the fast path reads it from the same run, as the engine does', async () => {
    const rules = [
      {
        name: '实际对比分值',
        scope: 'indicator',
        priority: 1,
        conditions: { all: [{ fact: 'completion', operator: 'atLeast', value: { fact: 'maxScore' } }] },
        event: eventsOf('indicator')[0],
      },
    ] as RuleInput[];
    const engine = CompiledRuleSet.compile(
      { ...base, sha256: 'ref', file: { ...base.file, rules }, ruleLocations: [] },
      KNOWN_EVENTS,
    );
    const fast = engine.fast();
    expect(engine.quick()).toBe(fast);
    const facts = fc.sample(factsArb('indicator'), { numRuns: 60, seed: 5 });
    for (const f of facts) expect(await fast.evaluate('indicator', f)).toEqual(await engine.evaluate('indicator', f));
    expect(facts.some((f) => f.completion !== null && f.maxScore !== null)).toBe(true);
  });
});
