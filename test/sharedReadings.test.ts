import { parseValue } from '../src/targets/parse';
import { sharedValue } from '../src/targets/sharedValues';
import { LazyLocation, lazyLocation } from '../src/source/quickYaml';
import { keptValues, keptWhileAlive } from '../src/domain/keptValues';
import type { DataPath } from '../src/source/yamlSource';

// Readings shared between forms, and locations found only when read: both must look, to every caller, exactly like
// what they replace (a fresh parseValue reading; a plain { file, line, column }).

describe('a text read once per thread (sharedValue)', () => {
  const texts = ['≥95%', '500篇以上', '2.4万余条', '长期', '全省前列', '/', '', '12月底前完成', '同比下降5%', '≧95%'];

  it.each(texts)('%j reads as parseValue reads it, and the same reading is given again', (text) => {
    const first = sharedValue(text, { fiscalYear: 2023 });
    expect(first).toEqual(parseValue(text, { fiscalYear: 2023 }));
    expect(sharedValue(text, { fiscalYear: 2023 })).toBe(first);
  });

  it('is frozen, with the lists and dates in it: no form can change what another one reads', () => {
    const number = sharedValue('≧95%');
    expect(Object.isFrozen(number)).toBe(true);
    expect(number.kind === 'number' && Object.isFrozen(number.lookalikes)).toBe(true);
    expect(() => {
      (number as { raw: string }).raw = 'changed';
    }).toThrow(TypeError);
    const date = sharedValue('12月底前完成', { fiscalYear: 2023 });
    expect(date.kind === 'date' && Object.isFrozen(date.date)).toBe(true);
  });

  it('keeps readings apart by fiscal year (a date written without its year takes the form’s)', () => {
    const in2023 = sharedValue('12月底前完成', { fiscalYear: 2023 });
    const in2024 = sharedValue('12月底前完成', { fiscalYear: 2024 });
    expect(in2023.kind === 'date' && in2023.date.year).toBe(2023);
    expect(in2024.kind === 'date' && in2024.date.year).toBe(2024);
  });

  it('still reads right after many more distinct texts than it keeps (the oldest are let go)', () => {
    for (let i = 0; i < 25_000; i++) sharedValue(`${i}件`, { fiscalYear: 2030 });
    const late = sharedValue('7件', { fiscalYear: 2030 });
    expect(late).toEqual(parseValue('7件', { fiscalYear: 2030 }));
  });
});

describe('a location found only when read (LazyLocation)', () => {
  function counted(): { location: ReturnType<typeof lazyLocation>; asked: DataPath[] } {
    const asked: DataPath[] = [];
    const location = lazyLocation(
      'a.yaml',
      (dataPath) => {
        asked.push(dataPath);
        return { file: 'a.yaml', line: 7, column: 3 };
      },
      ['indicators', '1', 'actual'],
      false,
    );
    return { location, asked };
  }

  it('is not looked up until its line or column is read, and then once', () => {
    const { location, asked } = counted();
    expect(asked).toEqual([]);
    expect(location.file).toBe('a.yaml');
    expect(asked).toEqual([]);
    expect([location.line, location.column, location.line]).toEqual([7, 3, 7]);
    expect(asked).toEqual([['indicators', '1', 'actual']]);
  });

  it('reads, copies, prints and compares as a plain { file, line, column }', () => {
    const { location } = counted();
    expect(Object.keys(location)).toEqual(['file', 'line', 'column']);
    expect(JSON.stringify(location)).toBe('{"file":"a.yaml","line":7,"column":3}');
    expect({ ...location }).toEqual({ file: 'a.yaml', line: 7, column: 3 });
    expect(location).toEqual({ file: 'a.yaml', line: 7, column: 3 });
    expect(Object.getOwnPropertySymbols(location)).toEqual([]);
  });

  it('says what it points at, for the form cache to keep instead of its line', () => {
    const { location, asked } = counted();
    expect(location).toBeInstanceOf(LazyLocation);
    expect((location as LazyLocation).at).toEqual({ dataPath: ['indicators', '1', 'actual'], key: false });
    expect(asked).toEqual([]);
  });
});

describe('values kept per key (keptValues)', () => {
  it('makes a value once per key, and lets the oldest go when full', () => {
    const made: string[] = [];
    const lengthOf = keptValues(2, (text: string) => {
      made.push(text);
      return { length: text.length };
    });
    const a = lengthOf('a');
    expect(lengthOf('a')).toBe(a);
    lengthOf('bb');
    lengthOf('ccc'); // full: 'a' goes
    expect(lengthOf('bb')).toEqual({ length: 2 });
    expect(lengthOf('a')).not.toBe(a);
    expect(made).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('keptWhileAlive makes a value once per object, told apart by identity not content', () => {
    const made: object[] = [];
    const textOf = keptWhileAlive((o: { n: number }) => {
      made.push(o);
      return `n=${o.n}`;
    });
    const one = { n: 1 };
    const same = { n: 1 };
    expect(textOf(one)).toBe('n=1');
    expect(textOf(one)).toBe('n=1');
    expect(textOf(same)).toBe('n=1');
    expect(made).toEqual([one, same]);
    expect(made[0]).toBe(one);
    expect(made[1]).toBe(same);
  });
});
