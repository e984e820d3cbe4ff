// Property-based checks of the parser, the YAML loader and the scorer (issue: no input crashes jixiao).
// Shared by the quick run in `npm test` (test/fuzz.test.ts) and the long run `npm run fuzz` (scripts/fuzz.ts).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dec, type Decimal } from '../src/domain/decimal';
import { InputError } from '../src/errors/diagnostic';
import { loadFormTexts } from '../src/load/loadForm';
import { compiled, loadRuleSet } from '../src/load/ruleSets';
import { parseValue } from '../src/targets/parse';
import { scoreForm } from '../src/scoring/scoreForm';
import type { IndicatorResult } from '../src/scoring/result';

export interface Tally {
  cases: number;
  /** Thrown errors that are not the project's own InputError. */
  crashes: number;
  /** Inputs that took longer than a second. */
  hangs: number;
  /** NaN, a score outside [0, 分值], a total outside [0, maximum], a completion that is negative or not a number. */
  outOfRange: number;
  /** Inputs refused with an InputError (a located, explained error: the expected answer to nonsense). */
  refused: number;
  examples: string[];
}

export const emptyTally = (): Tally => ({ cases: 0, crashes: 0, hangs: 0, outOfRange: 0, refused: 0, examples: [] });

/**
 * A hang is an input that takes far longer than any honest one: the slowest scored input measured here took 36 ms
 * (3,000 inputs, seed 7), so 10 s is hundreds of times above it and never trips on a loaded 2-core machine, while a
 * loop that does not end still does.
 */
const HANG_MS = 10_000;

/** The pieces people type into 年度指标值 and 实际完成值, so random strings land near the parser's edges. */
const PIECES = [
  '≥',
  '≤',
  '>',
  '<',
  '=',
  '＝',
  '>=',
  '<=',
  '=>',
  '≧',
  '≦',
  '不低于',
  '不超过',
  '不少于',
  '不高于',
  '控制在',
  '以上',
  '以内',
  '以下',
  '及以上',
  '余',
  '约',
  '万',
  '亿',
  '千',
  '%',
  '％',
  '‰',
  '元',
  '万元',
  '个',
  '人',
  '人次',
  '篇',
  '条',
  '天',
  '公里',
  'km',
  '处',
  '次',
  '/',
  '-',
  '—',
  '.',
  '．',
  ',',
  '，',
  '0',
  '1',
  '5',
  '9',
  '00',
  '95',
  '100',
  '1e9',
  '-5',
  '−',
  '０',
  '９',
  '２０２３',
  '年',
  '月',
  '日',
  '前',
  '底',
  '12月底前',
  '2023年11月30日前',
  '同比',
  '下降',
  '增长',
  '达成',
  '部分达成',
  '未达成',
  '基本完成',
  '全年无故障',
  '长期',
  '全省前列',
  ' ',
  '\t',
  '\n',
  '（',
  '）',
  '(',
  ')',
  '·',
  '*',
  '𠀀',
  '😀',
  '\u0000',
  '\uFFFD',
];

export const cellText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 24, unit: 'grapheme' }),
  fc.string({ maxLength: 12 }),
);

function timed<T>(tally: Tally, label: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    if (performance.now() - start > HANG_MS) {
      tally.hangs++;
      note(tally, `hang: ${label}`);
    }
  }
}

function note(tally: Tally, example: string): void {
  if (tally.examples.length < 10) tally.examples.push(example);
}

function crash(tally: Tally, label: string, error: unknown): void {
  if (error instanceof InputError) {
    tally.refused++;
    return;
  }
  tally.crashes++;
  note(tally, `crash: ${label}: ${error instanceof Error ? error.message : String(error)}`);
}

const isNumberLike = (d: Decimal | null | undefined): boolean => d === null || d === undefined || d.isFinite();

/** The target/actual parser: never throws, never hangs, numbers are finite decimals. */
export function checkParse(tally: Tally, text: string): void {
  tally.cases++;
  try {
    const parsed = timed(tally, JSON.stringify(text), () => parseValue(text, { fiscalYear: 2023 }));
    if (parsed.kind === 'number' && !parsed.number.isFinite()) {
      tally.outOfRange++;
      note(tally, `non-finite number from ${JSON.stringify(text)}`);
    }
  } catch (error) {
    crash(tally, `parse ${JSON.stringify(text)}`, error);
  }
}

const EXAMPLE = path.resolve(__dirname, '../examples/water-2023');
const DEFINITIONS = readFileSync(path.join(EXAMPLE, 'project.indicators.yaml'), 'utf8');
const RULE_SET = loadRuleSet('caiyu-2020-10');

/** Targets of 0 or more with signed actuals (同比增长≥0% against -4%): where a negative actual must not count as met. */
const signedCells = fc
  .tuple(
    fc.constantFrom(
      ['≥0', ''],
      ['≥0%', '%'],
      ['同比增长≥0%', '%'],
      ['不低于0', ''],
      ['≥0个', '个'],
      ['≥2%', '%'],
      ['0%以上', '%'],
    ),
    fc.double({ min: -100, max: 10, noNaN: true }).map((n) => Math.round(n * 100) / 100),
  )
  .map(([[target, unit], n]) => ({ target, actual: `${target.startsWith('同比增长') ? '同比增长' : ''}${n}${unit}` }));

const cells = fc.oneof(
  { arbitrary: fc.record({ target: cellText, actual: cellText }), weight: 5 },
  { arbitrary: signedCells, weight: 1 },
);

/** One indicator row of the clean example with a random target, actual, 分值 and declared score. */
export const rowCase = fc.record({
  cells,
  maxScore: fc.oneof(
    fc.constant('/'),
    fc.integer({ min: 0, max: 40 }),
    fc.double({ min: 0, max: 40, noNaN: true }).map((n) => Math.round(n * 100) / 100),
  ),
  declared: fc.option(
    fc.double({ min: -5, max: 50, noNaN: true }).map((n) => Math.round(n * 10) / 10),
    { nil: undefined },
  ),
  band: fc.option(fc.constantFrom('达成', '部分达成', '未达成'), { nil: undefined }),
  executed: fc.double({ min: 0, max: 5000, noNaN: true }).map((n) => Math.round(n * 10) / 10),
});

export type RowCase = typeof rowCase extends fc.Arbitrary<infer T> ? T : never;

const yamlString = (text: string): string => JSON.stringify(text);

/**
 * A negative actual under a higher-is-better target of 0 or more (≥0, 同比增长≥0%) is below it: it never gets full
 * marks (README: a negative actual counts as 0 for the ratio, never as meeting the target).
 */
export function negativeBelowTargetWithFullMarks(r: IndicatorResult): boolean {
  const t = r.parsedTarget;
  const a = r.parsedActual;
  if (r.kind !== 'quantitative' || r.direction !== 'higherIsBetter' || t.kind !== 'number' || a.kind !== 'number')
    return false;
  if (t.value.isNegative() || !a.value.isNegative() || r.maxScore === null || r.maxScore.isZero()) return false;
  return r.ruleScore.equals(r.maxScore);
}

/** The scorer on the clean example with row 1.1 replaced: scores within [0, 分值], the total within [0, maximum]. */
export async function checkScore(tally: Tally, c: RowCase): Promise<void> {
  tally.cases++;
  const definitions = DEFINITIONS.replace(
    '{ id: "1.1", name: 新建集中供水工程, target: ≥12处, maxScore: 10 }',
    `{ id: "1.1", name: 新建集中供水工程, target: ${yamlString(c.cells.target)}, maxScore: ${typeof c.maxScore === 'string' ? '"/"' : c.maxScore} }`,
  );
  const extras = [
    c.declared !== undefined ? `declaredScore: ${c.declared}, reason: 测试` : '',
    c.band ? `band: ${c.band}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const actuals = readFileSync(path.join(EXAMPLE, 'project.actuals.yaml'), 'utf8')
    .replace(
      '"1.1": { actual: 12处, declaredScore: 10 }',
      `"1.1": { actual: ${yamlString(c.cells.actual)}${extras ? `, ${extras}` : ''} }`,
    )
    .replace('  executed: 1156.4\n  breakdown', `  executed: ${c.executed}\n  breakdown`);
  const label = JSON.stringify(c);
  const start = performance.now();
  try {
    const loaded = loadFormTexts({
      definitions: { name: 'fuzz.indicators.yaml', text: definitions },
      actuals: { name: 'fuzz.actuals.yaml', text: actuals },
      ruleSet: { name: 'r.yaml', text: RULE_SET.text },
    });
    const result = await scoreForm(loaded.input, compiled(loaded.ruleSet).fast());
    const bad: string[] = [];
    for (const r of result.indicators) {
      const max = r.maxScore ?? dec(0);
      for (const [name, v] of [
        ['ruleScore', r.ruleScore],
        ['finalScore', r.finalScore],
      ] as const) {
        if (!isNumberLike(v) || v.isNegative() || v.greaterThan(max))
          bad.push(`${r.id} ${name} ${v.toString()} of ${max.toString()}`);
      }
      if (r.completion !== null && (!r.completion.isFinite() || r.completion.isNegative()))
        bad.push(`${r.id} completion ${r.completion.toString()}`);
      if (negativeBelowTargetWithFullMarks(r))
        bad.push(`${r.id} negative actual ${r.actual} below ${r.target} got full marks ${r.ruleScore.toString()}`);
    }
    if (!result.total.isFinite() || result.total.isNegative() || result.total.greaterThan(result.maxTotal))
      bad.push(`total ${result.total.toString()} of ${result.maxTotal.toString()}`);
    if (bad.length > 0) {
      tally.outOfRange++;
      note(tally, `out of range: ${bad.join('; ')} ← ${label}`);
    }
  } catch (error) {
    crash(tally, label, error);
  } finally {
    if (performance.now() - start > HANG_MS) {
      tally.hangs++;
      note(tally, `hang: ${label}`);
    }
  }
}

const ACTUALS = readFileSync(path.join(EXAMPLE, 'project.actuals.yaml'), 'utf8');

/** The real actuals file with a few random edits: inserted pieces, deleted spans, swapped characters. */
const mutatedActuals = fc
  .array(
    fc.tuple(
      fc.nat(),
      fc.nat({ max: 12 }),
      fc.oneof(
        fc.constantFrom(...PIECES, ': ', '\n  ', '*x', '&x ', '"', '{', ']', '#', '- '),
        fc.string({ maxLength: 4 }),
      ),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) =>
    edits.reduce((text, [at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, ACTUALS),
  );

/** Random YAML-ish text as an actuals file: the loader answers with the form or an InputError, nothing else. */
export const yamlText = fc.oneof(
  mutatedActuals,
  mutatedActuals,
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'definitions: ./project.indicators.yaml',
          'budget:',
          '  fullYearBudget: 100',
          '  executed: 90',
          'indicators:',
          '  "1.1": { actual: 12处 }',
          'overallGoal: { actual: 完成 }',
          '- ',
          '&a',
          '*a',
          '<<: *a',
          '? ',
          '!!str',
          '---',
          '"',
          "'",
          '{',
          '}',
          '[',
          ']',
          ': ',
          '  ',
          '\t',
          '#',
        ),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 20 },
    )
    .map((lines) => lines.join('\n')),
);

export function checkLoad(tally: Tally, text: string): void {
  tally.cases++;
  try {
    timed(tally, JSON.stringify(text.slice(0, 80)), () =>
      loadFormTexts({
        definitions: { name: 'd.yaml', text: DEFINITIONS },
        actuals: { name: 'fuzz.actuals.yaml', text },
        ruleSet: { name: 'r.yaml', text: RULE_SET.text },
      }),
    );
  } catch (error) {
    crash(tally, `load ${JSON.stringify(text.slice(0, 80))}`, error);
  }
}

/** Runs all three properties over `count` generated inputs each (seeded, so a run can be repeated). */
export async function fuzz(count: number, seed: number): Promise<Record<'parser' | 'loader' | 'scorer', Tally>> {
  const tallies = { parser: emptyTally(), loader: emptyTally(), scorer: emptyTally() };
  for (const text of fc.sample(cellText, { numRuns: count, seed })) checkParse(tallies.parser, text);
  for (const text of fc.sample(yamlText, { numRuns: count, seed: seed + 1 })) checkLoad(tallies.loader, text);
  for (const c of fc.sample(rowCase, { numRuns: count, seed: seed + 2 })) await checkScore(tallies.scorer, c);
  return tallies;
}
