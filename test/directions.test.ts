import { dec } from '../src/domain/decimal';
import type { RuleSetParameters } from '../src/rules/ruleSet';
import { readRow } from '../src/scoring/readRow';
import type { IndicatorInput } from '../src/scoring/reading';
import { directionWords } from '../src/targets/directionWords';

/**
 * Directions a careful reader infers from a name (indicators/vocabulary/directions.yaml): a bare target under a
 * name ending in a lower-is-better word reads lower-is-better, word by word; names that only contain the word,
 * a stated direction and the rule-set switch keep their own reading.
 */
function row(name: string, target: string, actual: string, extra: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    id: '1',
    name,
    level1: '效益指标',
    level2: '社会效益指标',
    target,
    maxScore: dec(10),
    actual,
    locations: {},
    ...extra,
  };
}

function directionOf(
  input: IndicatorInput,
  parameters?: Partial<RuleSetParameters>,
): { direction: string; word?: string } {
  const read = readRow(input, 2023, parameters as RuleSetParameters | undefined);
  if (!('reading' in read) || read.reading.kind !== 'quantitative')
    throw new Error(`not quantitative: ${JSON.stringify(read)}`);
  return {
    direction: read.reading.comparison.direction,
    ...(read.reading.directionWord ? { word: read.reading.directionWord } : {}),
  };
}

/**
 * A bare target in a unit that suits the word: minutes for 耗时, a percentage for rates, a plain figure for money
 * (in 元 a 成本/费用 row is already a ceiling by the cost rule, COST_AS_CEILING, before any name is read).
 */
function bareTarget(word: string): [target: string, actual: string] {
  if (/成本|费用|单价/.test(word)) return ['50', '60'];
  if (/耗时|时间/.test(word)) return ['30分钟', '40分钟'];
  return ['5%', '8%'];
}

const { lowerIsBetter, lowerIsBetterWhenSpending } = directionWords();

describe('each lower-is-better word of the vocabulary', () => {
  it('the vocabulary has the words the issue names', () => {
    for (const w of [
      '受害率',
      '成灾率',
      '发生率',
      '事故率',
      '投诉率',
      '差错率',
      '返工率',
      '调整率',
      '结转结余率',
      '结余率',
      '超支率',
      '空置率',
      '流失率',
      '辍学率',
      '成本',
      '费用',
      '单价',
      '耗时',
      '等待时间',
    ]) {
      expect(lowerIsBetter).toContain(w);
    }
    expect(lowerIsBetterWhenSpending.map((s) => s.ending)).toContain('控制率');
  });

  it.each(lowerIsBetter)('「某项%s」with a bare target reads lower-is-better, named in the reading', (word) => {
    const [target, actual] = bareTarget(word);
    expect(directionOf(row(`某项${word}`, target, actual))).toEqual({ direction: 'lowerIsBetter', word });
    // with a unit in brackets after the name, as forms print it
    expect(directionOf(row(`某项${word}（单位）`, target, actual))).toEqual({ direction: 'lowerIsBetter', word });
  });

  it.each(lowerIsBetter)('「%s」only inside the name, or with ≥ written, or turned off, stays as written', (word) => {
    const [target, actual] = bareTarget(word);
    // the name ends in another word: 投诉率下降, 成本节约 are higher-is-better
    expect(directionOf(row(`${word}下降幅度`, target, actual)).direction).toBe('higherIsBetter');
    expect(directionOf(row(`某项${word}`, `≥${target}`, actual)).direction).toBe('higherIsBetter');
    expect(directionOf(row(`某项${word}`, target, actual, { direction: 'higherIsBetter' })).direction).toBe(
      'higherIsBetter',
    );
    expect(directionOf(row(`某项${word}`, target, actual), { directionFromName: false }).direction).toBe(
      'higherIsBetter',
    );
  });
});

describe('控制率: a rate of spending within its limit', () => {
  it.each([
    ['公用经费控制率', '100%', 'lowerIsBetter'],
    ['财政供养人员控制率', '100%', 'lowerIsBetter'],
    ['“三公”经费控制率', '100%', 'lowerIsBetter'],
    ['在职人员控制率', '95%', 'lowerIsBetter'],
    // a share brought under control, not spending: higher is better
    ['疫情控制率', '95%', 'higherIsBetter'],
    ['病虫害控制率', '90%', 'higherIsBetter'],
    // over 100% is no limit on spending
    ['公用经费控制率', '105%', 'higherIsBetter'],
  ])('%s %s → %s', (name, target, expected) => {
    expect(directionOf(row(name, target, '98%')).direction).toBe(expected);
  });
});

describe('names a reader takes for higher-is-better', () => {
  it.each([
    '投诉办结率',
    '投诉处理率',
    '事故处置率',
    '成本节约率',
    '费用报销及时率',
    '差错整改率',
    '安全生产培训覆盖率',
    '调整到位率',
  ])('%s', (name) => {
    expect(directionOf(row(name, '95%', '96%')).direction).toBe('higherIsBetter');
  });
});
