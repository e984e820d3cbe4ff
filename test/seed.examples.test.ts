import { messageOf } from '../src/errors/message';
import { plain } from '../src/domain/decimal';
import { scoreFile } from '../src/pipeline';
import { CLEAN, DEPARTMENT, OVERRIDE, PROJECT } from './helpers';

const codes = (list: { code: string }[]): string[] => list.map((x) => x.code);

describe('the seed 附件1-1 部门整体支出绩效自评表, faults included', () => {
  it('reproduces budget 10/10, every row, the 4.5-versus-5 discrepancy and the declared totals', async () => {
    const { result } = await scoreFile(DEPARTMENT);
    expect(plain(result.budget.rate)).toBe('1');
    expect(plain(result.budget.finalScore)).toBe('10');
    expect(result.indicators).toHaveLength(16);
    const satisfaction = result.indicators.find((r) => r.name === '市长热线首次办理市民满意度');
    expect(satisfaction && plain(satisfaction.ruleScore)).toBe('5');
    expect(satisfaction && plain(satisfaction.declaredScore!)).toBe('4.5');
    expect(satisfaction && plain(satisfaction.finalScore)).toBe('5');
    expect(satisfaction && codes(satisfaction.flags)).toEqual(['DECLARED_SCORE_MISMATCH']);

    // rows' 分值 add up to 95 (10 budget + 45 产出 + 30 效益 + 10 满意度) against a declared 100
    expect(result.levels.map((l) => [l.name, plain(l.maxScore), l.declaredWeight && plain(l.declaredWeight)])).toEqual([
      ['产出指标', '45', '50'],
      ['效益指标', '30', '30'],
      ['满意度指标', '10', '10'],
    ]);
    expect(plain(result.maxTotal)).toBe('95');
    expect(plain(result.total)).toBe('95');
    expect(result.grade).toBe('excellent');
    expect(plain(result.declared.rowsTotal)).toBe('94.5');
    expect(plain(result.declared.total!)).toBe('99.5');

    const warnings = result.warnings.map((w) => [w.code, w.data.level ?? w.data.id ?? '']);
    expect(warnings).toContainEqual(['WEIGHT_SUM_MISMATCH', '产出指标']);
    expect(warnings).toContainEqual(['WEIGHT_SUM_MISMATCH', { text: 'term.total' }]);
    const totalWeight = result.warnings.find(
      (w) => w.code === 'WEIGHT_SUM_MISMATCH' && typeof w.data.level === 'object',
    );
    expect(messageOf(totalWeight!)).toBe('「总分」申报分值 100，但所含指标分值合计 95');
    expect(messageOf(totalWeight!, 'en')).toMatch(/^"total" declares 100/);
    expect(warnings).toContainEqual(['DECLARED_TOTAL_MISMATCH', '']);
    expect(warnings).toContainEqual(['DECLARED_SCORE_MISMATCH', '16']);
    const total = result.warnings.find((w) => w.code === 'DECLARED_TOTAL_MISMATCH');
    expect(total?.data).toMatchObject({ declared: '99.5', computed: '95', declaredRows: '94.5' });
  });

  it('handles qualitative targets such as 长期 and 全省前列 without a crash', async () => {
    const { result } = await scoreFile(DEPARTMENT);
    const longTerm = result.indicators.filter((r) => r.target === '长期' || r.target === '全省前列');
    expect(longTerm.length).toBe(5);
    for (const r of longTerm) {
      expect(r.kind).toBe('qualitative');
      expect(r.band).toBe('achieved');
      expect(r.finalScore.equals(r.maxScore!)).toBe(true);
    }
  });
});

describe('the seed 附件1-2 项目支出绩效自评表', () => {
  it('shows the same pattern: 满意度 declared 10 over a 5-point row, 4.5 versus 5', async () => {
    const { result } = await scoreFile(PROJECT);
    expect(plain(result.budget.finalScore)).toBe('10');
    expect(result.indicators).toHaveLength(12);
    expect(plain(result.maxTotal)).toBe('95');
    expect(plain(result.total)).toBe('95');
    expect(plain(result.declared.rowsTotal)).toBe('94.5');
    expect(result.grade).toBe('excellent');
    const w = result.warnings.map(
      (x) => `${x.code}:${typeof x.data.level === 'object' ? 'total' : (x.data.level ?? x.data.id ?? '')}`,
    );
    // the seed prints 总分 100 / 得分 99.5 / 等级 优 on this form too: rows give 95 and declare 94.5
    expect(w).toEqual([
      'DECLARED_SCORE_MISMATCH:12',
      'WEIGHT_SUM_MISMATCH:满意度指标',
      'WEIGHT_SUM_MISMATCH:total',
      'DECLARED_TOTAL_MISMATCH:',
    ]);
  });
});

describe('examples of our own', () => {
  it('the clean project form scores with no warnings and uses every kind of row', async () => {
    const { result } = await scoreFile(CLEAN);
    expect(result.warnings).toEqual([]);
    expect(plain(result.total)).toBe('99.8');
    expect(result.grade).toBe('excellent');
    const kinds = new Set(result.indicators.map((r) => `${r.kind}/${r.direction ?? ''}`));
    expect(kinds).toEqual(
      new Set([
        'quantitative/higherIsBetter',
        'quantitative/lowerIsBetter',
        'quantitative/equal',
        'date/',
        'qualitative/',
        'notApplicable/',
      ]),
    );
  });

  it('the override example keeps the rule score beside the manual score and its reason', async () => {
    const { result } = await scoreFile(OVERRIDE);
    const row = result.indicators.find((r) => r.id === '3.1')!;
    expect(plain(row.ruleScore)).toBe('10');
    expect(plain(row.finalScore)).toBe('9');
    expect(row.override?.reason).toContain('酌减1分');
    expect(codes(row.flags)).toEqual(['MANUAL_OVERRIDE']);
    expect(plain(result.total)).toBe('98.8');
    expect(result.warnings).toEqual([]);
  });
});
