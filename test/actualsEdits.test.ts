import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { editActuals, isEditableField } from '../src/load/actualsEdits';
import { InputError } from '../src/errors/diagnostic';
import { ROOT } from './helpers';

const CLEAN = readFileSync(path.join(ROOT, 'examples/water-2023/project.actuals.yaml'), 'utf8');

describe("editActuals: the web form's edits written into an actuals file", () => {
  test('no edits give the text back byte for byte', () => {
    expect(editActuals(CLEAN, [])).toBe(CLEAN);
  });

  test('an edit changes only its value: comments, key order, flow maps and every other line stay as written', () => {
    const out = editActuals(CLEAN, [{ path: ['indicators', '1.1', 'actual'], value: '10处' }]);
    const before = CLEAN.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((line, i) => [before[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['  "1.1": { actual: 12处, declaredScore: 10 }', '  "1.1": { actual: 10处, declaredScore: 10 }'],
    ]);
  });

  test('amounts and scores are written as numbers when exact, an emptied optional cell removes its key, an emptied amount stays "" for the loader to report', () => {
    const out = editActuals(CLEAN, [
      { path: ['budget', 'executed'], value: ' 1100.5 ' },
      { path: ['budget', 'declaredScore'], value: '' },
      { path: ['indicators', '1.2', 'declaredScore'], value: '9.5' },
      { path: ['indicators', '2.5', 'band'], value: '' },
      { path: ['budget', 'fullYearBudget'], value: '' },
      { path: ['indicators', '3.1', 'deviationReason'], value: '样本偏少' },
      { path: ['budget', 'breakdown', 'other', 'executed'], value: '0.10000000000000001' },
    ]);
    const data = parse(out) as {
      budget: Record<string, unknown> & { breakdown: { other: Record<string, unknown> } };
      indicators: Record<string, Record<string, unknown>>;
    };
    expect(data.budget.executed).toBe(1100.5);
    expect('declaredScore' in data.budget).toBe(false);
    expect(data.budget.fullYearBudget).toBe('');
    expect(data.indicators['1.2']!.declaredScore).toBe(9.5);
    expect('band' in data.indicators['2.5']!).toBe(false);
    expect(data.indicators['3.1']!.deviationReason).toBe('样本偏少');
    // more digits than a double holds: kept exact as a string
    expect(data.budget.breakdown.other.executed).toBe('0.10000000000000001');
  });

  test('only the cells a clerk fills are editable: never the definitions, the seal image or a path of the wrong shape', () => {
    for (const p of [
      ['definitions'],
      ['signOff', 'seal'],
      ['signOff', 'unit'],
      ['declaredTotal', 'x'],
      ['declaredGrade', 'x'],
      ['indicators', '1.1'],
      ['indicators', '1.1', 'actual', 'x'],
      ['budget', 'breakdown', 'mine', 'executed'],
      ['budget', 'maxScore'],
    ]) {
      expect([p, isEditableField(p)]).toEqual([p, false]);
      expect(() => editActuals(CLEAN, [{ path: p, value: 'x' }])).toThrow(InputError);
    }
    for (const p of [
      ['indicators', '1.1', 'actual'],
      ['indicators', '9.9', 'reason'],
      ['budget', 'breakdown', 'carryOver', 'initialBudget'],
      ['overallGoal', 'actual'],
      ['signOff', 'date'],
    ])
      expect(isEditableField(p)).toBe(true);
  });

  test("the whole sign-off is fillable: 审核人, 单位负责人 and the form's declared 总分 and 等级; an emptied declared total is removed", () => {
    for (const p of [['signOff', 'reviewer'], ['signOff', 'head'], ['declaredTotal'], ['declaredGrade']])
      expect([p, isEditableField(p)]).toEqual([p, true]);
    const text = editActuals(CLEAN, [
      { path: ['signOff', 'reviewer'], value: '李审核' },
      { path: ['signOff', 'head'], value: '王负责' },
      { path: ['declaredTotal'], value: '' },
      { path: ['declaredGrade'], value: '良' },
    ]);
    const data = parse(text) as { signOff: Record<string, string>; declaredGrade: string };
    expect([data.signOff.reviewer, data.signOff.head, data.declaredGrade, 'declaredTotal' in data]).toEqual([
      '李审核',
      '王负责',
      '良',
      false,
    ]);
  });
});
