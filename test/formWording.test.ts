import { CATALOG } from '../src/errors/catalog';
import type { CatalogEntry } from '../src/errors/catalog/entry';
import { fieldLabel, pathOfField } from '../src/errors/fieldLabel';
import { diagnostic } from '../src/errors/diagnostic';
import { formatDiagnostic, hintOf, messageOf } from '../src/errors/message';
import { TEXTS } from '../src/errors/texts';

// A clerk at the web page or in a workbook reads the form's own words: no YAML key, no data path. The file's reader
// keeps the keys (they are what to type). Checked over the whole catalog, not only the messages seen so far.

/** The keys of an actuals file as they would appear in a message (naming the YAML file itself is fine). */
const YAML_WORDS =
  /\b(band|reason|actual|declaredScore|deviationReason|improvement|initialBudget|fullYearBudget|executed|declaredRate|declaredTotal|declaredGrade|indicators|budget|breakdown|currentYear|carryOver|overallGoal|signOff|notAchieved)\b/;
/** In English, plain words (band, actual, reason) are the form's words too: only the keys that are not words count. */
const YAML_KEYS_EN =
  /\b(declaredScore|deviationReason|initialBudget|fullYearBudget|declaredRate|declaredTotal|declaredGrade|currentYear|carryOver|overallGoal|signOff|notAchieved|maxScore)\b/;
const withoutPlaceholders = (s: string): string => s.replace(/\{\w+\}/g, '');

describe('the form wording of messages', () => {
  test('every catalog hint that names a YAML key has a form wording, and no form wording names one', () => {
    const missing: string[] = [];
    for (const [code, entry] of Object.entries(CATALOG) as [string, CatalogEntry][]) {
      for (const [file, form, words] of [
        [entry.hintZh, entry.formHintZh, YAML_WORDS],
        [entry.hintEn, entry.formHintEn, YAML_KEYS_EN],
      ] as const) {
        // a hint about writing YAML itself (a full-width colon, a tab) is only ever shown for a YAML file
        if (!file || !words.test(withoutPlaceholders(file)) || /^YAML_/.test(code)) continue;
        if (!form) missing.push(`${code}: ${file}`);
        else expect([code, form, words.test(withoutPlaceholders(form))]).toEqual([code, form, false]);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every term used inside messages that names a YAML key has a .form variant that does not', () => {
    const keys = Object.keys(TEXTS).filter(
      (k) => (k.startsWith('term.') || k.startsWith('declared.')) && !k.endsWith('.form'),
    );
    const missing: string[] = [];
    for (const key of keys) {
      const entry = (TEXTS as Record<string, { zh: string; en: string }>)[key];
      if (!entry || !YAML_WORDS.test(withoutPlaceholders(entry.zh))) continue;
      const form = (TEXTS as Record<string, { zh: string; en: string } | undefined>)[`${key}.form`];
      if (!form) missing.push(key);
      else expect([key, YAML_WORDS.test(form.zh) || YAML_KEYS_EN.test(form.en)]).toEqual([key, false]);
    }
    expect(missing).toEqual([]);
  });

  test('a data path becomes the cell as the form names it', () => {
    expect(fieldLabel(pathOfField('budget.breakdown.currentYear.executed'), 'zh')).toBe('当年财政拨款的全年执行数');
    expect(fieldLabel(pathOfField('budget.fullYearBudget'), 'zh')).toBe('年度资金总额的全年预算数');
    expect(fieldLabel(pathOfField('indicators.1.1.band'), 'zh')).toBe('指标「1.1」的档次');
    expect(fieldLabel(pathOfField('budget.reason'), 'en')).toBe('why execution is low');
    expect(fieldLabel(['signOff', 'reviewer'], 'zh')).toBe('审核人');
    expect(fieldLabel(['definitions'], 'zh')).toBeNull();
  });

  test("the same problem: keys for the file's reader, cells for the form's; a workbook cell is a form", () => {
    const bad = diagnostic('INVALID_VALUE', {
      field: 'budget.breakdown.currentYear.executed',
      detail: { zh: '金额应为数字', en: 'must be a number' },
      fix: { zh: '写成以万元计的数字，如 5531.1', en: 'write the amount as a number, such as 5531.1' },
    });
    expect(messageOf(bad, 'zh')).toContain('budget.breakdown.currentYear.executed');
    expect(messageOf(bad, 'zh', 'form')).toBe('「当年财政拨款的全年执行数」的值无效：金额应为数字');
    const band = diagnostic('BAND_REQUIRED', { id: '2.5', name: '管护机制', actual: '已出台' });
    expect(hintOf(band, 'zh')).toContain('band');
    expect(hintOf(band, 'zh', 'form')).toBe('在“档次”一栏选择：达成、部分达成 或 未达成。');
    const inCell = diagnostic(
      'REQUIRED',
      { key: 'fullYearBudget' },
      { file: 'form.xlsx', line: 0, column: 0, cell: '绩效自评表!D7' },
    );
    expect(formatDiagnostic(inCell, 'zh')).toContain('缺少必填项「全年预算数」');
  });
});
