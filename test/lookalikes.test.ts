import { COMPARATOR_LOOKALIKES } from '../src/targets/lookalikes';
import { parseValue } from '../src/targets/parse';

/**
 * Look-alike comparators and digits (issue: forms print ═ ﹦ ≧ ⩽ ≯ …; OCR reads 0 as O): every variant reads as the
 * comparator it stands for, the reading notes what was replaced, and the raw text is kept as written.
 */
const AS_COMPARATOR: Record<string, string> = { '=': '=', '<': '<', '>': '>', '≤': '<=', '≥': '>=' };

describe('each look-alike comparator of the table', () => {
  it.each(Object.entries(COMPARATOR_LOOKALIKES))('%s reads as %s', (char, to) => {
    const raw = `${char}95%`;
    const value = parseValue(raw);
    expect(value).toMatchObject({
      kind: 'number',
      comparator: AS_COMPARATOR[to],
      unit: '%',
      raw,
      lookalikes: [`${char}→${to}`],
    });
    if (value.kind === 'number') expect(value.value.toString()).toBe('95');
  });

  it('holds every character confusables.txt maps to = < > and the variants the issue names', () => {
    for (const c of [
      '\u1400',
      '\u2E40',
      '\u30A0',
      '\uA4FF',
      '\u02C2',
      '\u1438',
      '\u16B2',
      '\u2039',
      '\u276E',
      '\u02C3',
      '\u1433',
      '\u203A',
      '\u276F',
    ]) {
      expect(Object.keys(COMPARATOR_LOOKALIKES)).toContain(c);
    }
    for (const c of ['═', '≧', '≦', '⩾', '⩽', '≯', '≮']) expect(Object.keys(COMPARATOR_LOOKALIKES)).toContain(c);
  });
});

describe('variants NFKC already folds (full-width and small forms)', () => {
  it.each([
    ['＝100%', '=', '100'],
    ['﹦100%', '=', '100'],
    ['＞90%', '>', '90'],
    ['﹥90%', '>', '90'],
    ['＜5%', '<', '5'],
    ['﹤5%', '<', '5'],
    ['≥９５％', '>=', '95'],
    ['≤３００万元', '<=', '3000000'],
    ['＞＝８５', '>=', '85'],
  ])('%s → %s %s', (raw, comparator, value) => {
    const read = parseValue(raw);
    expect(read).toMatchObject({ kind: 'number', comparator, raw });
    if (read.kind === 'number') expect(read.value.toString()).toBe(value);
  });
});

describe('OCR look-alike digits inside numbers', () => {
  it.each([
    ['1O0%', '100', '%', ['O→0']],
    ['≥9O%', '90', '%', ['O→0']],
    ['1OO5个', '1005', '个', ['OO→00']],
    ['2l5人', '215', '人', ['l→1']],
    ['l00篇', '100', '篇', ['l→1']],
    ['I20次', '120', '次', ['I→1']],
    ['2O23年12月31日前', null, null, ['O→0']],
  ])('%s → %s', (raw, value, unit, replaced) => {
    const read = parseValue(raw);
    expect(read).toMatchObject({ raw, lookalikes: replaced });
    if (value !== null) expect(read).toMatchObject({ kind: 'number', unit });
    if (read.kind === 'number' && value !== null) expect(read.value.toString()).toBe(value);
    if (value === null) expect(read).toMatchObject({ kind: 'date', date: { year: 2023, month: 12, day: 31 } });
  });

  it.each(['ISO9001认证', '100l', 'COD浓度达标', 'PM2.5达标'])('%s has no digit look-alike to replace', (raw) => {
    const read = parseValue(raw);
    expect('lookalikes' in read ? read.lookalikes : undefined).toBeUndefined();
  });

  it('a number with no look-alike carries no note', () => {
    expect(parseValue('≥95%')).not.toHaveProperty('lookalikes');
  });
});
