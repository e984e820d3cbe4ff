import { textOfRef } from '../src/errors/texts';
import { dec, plain } from '../src/domain/decimal';
import type { Band } from '../src/domain/model';
import { loadRuleSet } from '../src/load/ruleSets';
import { budgetExecution } from '../src/scoring/methods/budgetExecution';
import { INDICATOR_METHODS } from '../src/scoring/methods';
import type { MethodResult } from '../src/scoring/methods/method';
import { readRow } from '../src/scoring/readRow';
import type { IndicatorInput } from '../src/scoring/reading';

const parameters = loadRuleSet('caiyu-2020-10').file.parameters;

function row(
  target: string,
  actual: string,
  maxScore: string | null,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return {
    id: 'T',
    name: '测试',
    level1: '产出指标',
    level2: '数量指标',
    target,
    actual,
    maxScore: maxScore === null ? null : dec(maxScore),
    locations: {},
    ...extra,
  };
}

function compute(method: string, input: IndicatorInput): MethodResult {
  const read = readRow(input, 2020);
  if ('problem' in read) throw new Error(read.problem.code);
  const m = INDICATOR_METHODS[method];
  if (!m) throw new Error(`no method ${method}`);
  return m.compute({ input, reading: read.reading, maxScore: input.maxScore ?? dec(0), parameters }, {});
}

function score(method: string, input: IndicatorInput): string {
  const r = compute(method, input);
  if ('problem' in r) throw new Error(r.problem.code);
  return plain(r.score);
}

describe('scoring methods (pure, one per file)', () => {
  it('full: the whole 分值 with the comparison in the explanation', () => {
    const r = compute('full', row('500篇以上', '600余篇', '10'));
    expect('score' in r && plain(r.score)).toBe('10');
    expect('explanation' in r && textOfRef(r.explanation, 'zh')).toBe(
      '正向指标：实际600篇 ≥ 目标500篇，完成率120%，得满分10分',
    );
  });

  it('proportional: 分值 × 实际 ÷ 目标, rounded half-up, capped', () => {
    expect(score('proportional', row('100', '80', '10'))).toBe('8');
    expect(score('proportional', row('3', '2', '10'))).toBe('6.67');
    expect(score('proportional', row('100', '150', '10'))).toBe('10');
    expect(score('proportional', row('100', '-20', '10'))).toBe('0');
  });

  it('inverseProportional: 分值 × 目标 ÷ 实际 (the printed example)', () => {
    const r = compute('inverseProportional', row('≤300万元', '320万元', '10'));
    expect('score' in r && plain(r.score)).toBe('9.38');
    expect('explanation' in r && textOfRef(r.explanation, 'zh')).toBe(
      '反向指标：实际320万元 > 目标300万元，完成率93.75%，10×3000000÷3200000=9.38分',
    );
  });

  it('linearPenalty: 分值 × max(0, 1 − (实际 − 目标) ÷ 目标)', () => {
    expect(score('linearPenalty', row('≤300万元', '320万元', '10'))).toBe('9.33');
    expect(score('linearPenalty', row('≤100', '250', '10'))).toBe('0');
  });

  it('equal: equal → full; zero target; otherwise proportional', () => {
    expect(score('equal', row('＝8个', '8个', '6'))).toBe('6');
    expect(score('equal', row('＝8个', '6个', '8'))).toBe('6');
    expect(score('equal', row('0', '0', '5'))).toBe('5');
    expect(score('equal', row('0起', '2起', '5'))).toBe('0');
    expect(score('equal', row('0', '-1', '5'))).toBe('5');
  });

  it('qualitativeBand: 达成 full; partial needs a score in [60%, 80%)', () => {
    expect(score('qualitativeBand', row('全年无故障', '全年无故障', '7'))).toBe('7');
    const partial = (s: string | undefined): MethodResult =>
      compute('qualitativeBand', row('效果明显', '基本达到', '10', s === undefined ? {} : { declaredScore: dec(s) }));
    expect('score' in partial('6') && plain((partial('6') as { score: ReturnType<typeof dec> }).score)).toBe('6');
    expect('problem' in partial('8') && (partial('8') as { problem: { code: string } }).problem.code).toBe(
      'MANUAL_SCORE_OUT_OF_BAND',
    );
    expect('problem' in partial('5.99') && (partial('5.99') as { problem: { code: string } }).problem.code).toBe(
      'MANUAL_SCORE_OUT_OF_BAND',
    );
    expect('problem' in partial(undefined) && (partial(undefined) as { problem: { code: string } }).problem.code).toBe(
      'MANUAL_SCORE_REQUIRED',
    );
    // 达成 with a manual score inside its band keeps it
    expect(
      score(
        'qualitativeBand',
        row('全省前列', '全省第二', '5', { band: 'achieved' as Band, declaredScore: dec('4.5') }),
      ),
    ).toBe('4.5');
  });

  it('manual: needs a score and a reason, never above 分值', () => {
    expect(
      score(
        'manual',
        row('效果明显', '见报告', '10', { band: 'achieved', declaredScore: dec('7'), reason: '专家评议' }),
      ),
    ).toBe('7');
    const noReason = compute('manual', row('效果明显', '见报告', '10', { band: 'achieved', declaredScore: dec('7') }));
    expect('problem' in noReason && noReason.problem.code).toBe('MANUAL_SCORE_REQUIRED');
    const tooHigh = compute(
      'manual',
      row('效果明显', '见报告', '10', { band: 'achieved', declaredScore: dec('11'), reason: 'x' }),
    );
    expect('problem' in tooHigh && tooHigh.problem.code).toBe('MANUAL_SCORE_OUT_OF_BAND');
  });

  it('notApplicable: no score', () => {
    expect(score('notApplicable', row('/', '/', null))).toBe('0');
  });

  it('budgetExecution: 分值 × 执行率, capped at 分值', () => {
    const run = (budget: string, executed: string) =>
      plain(
        budgetExecution.compute({
          maxScore: dec(10),
          fullYearBudget: dec(budget),
          executed: dec(executed),
          rate: dec(executed).div(dec(budget)),
        }).score,
      );
    expect(run('5531.1', '5531.1')).toBe('10');
    expect(run('100', '85')).toBe('8.5');
    expect(run('100', '120')).toBe('10');
    expect(run('3', '2')).toBe('6.67');
  });

  it('methods refuse rows they cannot score instead of returning 0', () => {
    const r = compute('proportional', row('全年无故障', '全年无故障', '7'));
    expect('problem' in r && r.problem.code).toBe('METHOD_NOT_FOR_KIND');
  });
});
