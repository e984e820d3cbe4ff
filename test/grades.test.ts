import { dec } from '../src/domain/decimal';
import type { RuleSetFile } from '../src/rules/ruleSet';
import { gradeOf } from '../src/scoring/grade';
import { CLEAN, runCli } from './helpers';

/** 等级 at and around every line (lower bounds inclusive), under no line at all, and in a province's own words. */
const DEFAULT: RuleSetFile['grades'] = {
  print: true,
  bands: [
    { grade: 'excellent', min: 90 },
    { grade: 'good', min: 80 },
    { grade: 'fair', min: 60 },
    { grade: 'poor', min: 0 },
  ],
};

describe('grade boundaries', () => {
  it.each([
    ['100', 'excellent'],
    ['90', 'excellent'],
    ['89.99', 'good'],
    ['80', 'good'],
    ['79.99', 'fair'],
    ['60', 'fair'],
    ['59.99', 'poor'],
    ['0', 'poor'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(dec(total), DEFAULT)).toBe(grade);
  });

  it('a total below every line takes the lowest band (a rule set whose lowest line is 50)', () => {
    const bands: RuleSetFile['grades'] = {
      print: true,
      bands: [
        { grade: 'excellent', min: 90 },
        { grade: 'good', min: 70 },
        { grade: 'poor', min: 50 },
      ],
    };
    expect([gradeOf(dec('49.99'), bands), gradeOf(dec('50'), bands), gradeOf(dec('69.99'), bands)]).toEqual([
      'poor',
      'poor',
      'poor',
    ]);
    expect(gradeOf(dec('70'), bands)).toBe('good');
  });

  it('bands written in any order are read by their lines', () => {
    const shuffled: RuleSetFile['grades'] = { print: true, bands: [...DEFAULT.bands].reverse() };
    expect(gradeOf(dec('89.99'), shuffled)).toBe('good');
  });

  it('a rule set that prints no grade gives none', () => {
    expect(gradeOf(dec('95'), { ...DEFAULT, print: false })).toBeNull();
  });

  it('a province’s own words: 优秀 at 99.8, and the form’s declared 优 is accepted as the same grade', async () => {
    const run = await runCli('score', CLEAN, '--json', '--rules', 'test/fixtures/rulesets/grade-labels.yaml');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      total: string;
      grade: { id: string; label: string };
      warnings: { code: string }[];
    };
    expect([json.total, json.grade.id, json.grade.label]).toEqual(['99.8', 'excellent', '优秀']);
    expect(json.warnings.map((w) => w.code)).not.toContain('DECLARED_GRADE_MISMATCH');
  });

  it('under the labelled rule set 75 is 良好 where the default says 中, 74.99 合格', async () => {
    const labels = {
      print: true,
      bands: [
        { grade: 'excellent', min: 90, label: '优秀' },
        { grade: 'good', min: 75, label: '良好' },
        { grade: 'fair', min: 60, label: '合格' },
        { grade: 'poor', min: 0, label: '不合格' },
      ],
    } as RuleSetFile['grades'];
    expect([gradeOf(dec('75'), labels), gradeOf(dec('74.99'), labels), gradeOf(dec('75'), DEFAULT)]).toEqual([
      'good',
      'fair',
      'fair',
    ]);
  });
});
