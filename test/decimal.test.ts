import { atPrintedPlaces, clamp, dec, hundredthsOf, percent, plain, roundScore, sum } from '../src/domain/decimal';

describe('the one rounding rule', () => {
  it.each([
    ['9.375', '9.38'],
    ['9.365', '9.37'],
    ['0.005', '0.01'],
    ['0.0049999', '0'],
    ['2.675', '2.68'], // 2.675 as a binary float rounds to 2.67; as a decimal it is half-up
    ['1.005', '1.01'],
    ['99.5', '99.5'],
  ])('half-up to two places: %s → %s', (input, expected) => {
    expect(plain(roundScore(dec(input)))).toBe(expected);
  });

  it('strips trailing zeros for display', () => {
    expect(plain(dec('10.00'))).toBe('10');
    expect(plain(dec('99.50'))).toBe('99.5');
  });

  it('adds money exactly', () => {
    expect(plain(dec('0.1').plus(dec('0.2')))).toBe('0.3');
    expect(plain(dec('5570.58').minus(dec('39.48')))).toBe('5531.1');
  });

  it('prints ratios as percentages at stored precision', () => {
    expect(percent(dec('1.2'))).toBe('120%');
    expect(percent(dec('738').div(700))).toBe('105.43%');
  });
});

describe('a printed figure is checked at its own precision, half-up', () => {
  it.each([
    ['86.2037', '86', true],
    ['86.1830', '86.19', false],
    ['86.185', '86.19', true],
    ['86.1849', '86.19', false],
    ['99.5', '99.5', true],
    ['99.45', '99.5', true],
    ['99.44', '99.5', false],
  ])('computed %s against printed %s → agrees: %s', (computed, printed, agrees) => {
    expect(atPrintedPlaces(dec(computed), dec(printed)).equals(dec(printed))).toBe(agrees);
  });
});

describe('sums of scores are added as whole hundredths, with the same result as adding decimals', () => {
  const bySteps = (values: string[]): string => plain(values.reduce((t, v) => t.plus(dec(v)), dec(0)));

  it.each([
    [['0.05', '12.5', '99.99', '-3.5', '0']],
    [['9999999.99', '0.01']], // past the words of seven digits
    [['1234567.89', '7654321.25', '-0.01']],
    [['0.125', '1']], // three places: added as decimals
    [['123456789012.5', '1']], // too large for hundredths: added as decimals
    [['1e14', '2']],
    [['-0', '0']],
    [['5', '-5']],
  ])('%j', (values) => {
    expect(plain(sum(values.map(dec)))).toBe(bySteps(values));
  });

  it('agrees with adding decimals on 2,000 random lists', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const digits = Math.floor(random() * 12);
        const places = Math.floor(random() * 4);
        const text = (Math.floor(random() * 10 ** digits) / 10 ** places).toFixed(places);
        return random() < 0.2 ? `-${text}` : text;
      });
      expect(plain(sum(values.map(dec)))).toBe(bySteps(values));
    }
  });

  it('reads hundredths off a decimal only when it has two places or fewer', () => {
    expect(hundredthsOf(dec('12.34'))).toBe(1234);
    expect(hundredthsOf(dec('-0.5'))).toBe(-50);
    expect(hundredthsOf(dec('100'))).toBe(10000);
    expect(hundredthsOf(dec('0.001'))).toBeNull();
    expect(hundredthsOf(dec('12345678'))).toBeNull();
    expect(hundredthsOf(dec('9999999.99'))).toBe(999999999);
    expect(hundredthsOf(dec('0.07'))).toBe(7);
    expect(hundredthsOf(dec('0'))).toBe(0);
  });
});

describe('plain writes a decimal as decimal.js toFixed() does', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['5', '5'],
    ['-5', '-5'],
    ['12.5', '12.5'],
    ['0.05', '0.05'],
    ['-0.05', '-0.05'],
    ['100.10', '100.1'],
    ['9999999.99', '9999999.99'],
    ['10000000', '10000000'],
    ['0.001', '0.001'],
    ['1e-7', '0.0000001'],
    ['123456789.123', '123456789.123'],
  ])('plain(%s) = %s', (value, text) => {
    expect(plain(dec(value))).toBe(text);
  });

  it('agrees with toFixed() on 20,000 random decimals of every size', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 20000; n++) {
      const digits = 1 + Math.floor(random() * 12);
      const mantissa = Array.from({ length: digits }, () => Math.floor(random() * 10)).join('');
      const exponent = Math.floor(random() * 24) - 14;
      const value = dec(`${random() < 0.3 ? '-' : ''}${mantissa}e${exponent}`);
      expect(plain(value)).toBe(value.toFixed());
    }
  });

  it('a percentage is the same text however often it is asked', () => {
    const ratio = dec(2).dividedBy(3);
    expect(percent(ratio)).toBe('66.67%');
    expect(percent(ratio)).toBe('66.67%');
    expect(plain(ratio)).toBe(ratio.toFixed());
  });
});

describe('clamp and the rounding rule keep the values Decimal.max and toDecimalPlaces give', () => {
  it.each([
    ['5', '0', '10', '5'],
    ['-1', '0', '10', '0'],
    ['12', '0', '10', '10'],
    ['10', '0', '10', '10'],
  ])('clamp(%s, %s, %s) = %s', (v, min, max, expected) => {
    expect(plain(clamp(dec(v), dec(min), dec(max)))).toBe(expected);
  });

  it('a negative zero is clamped to the bound 0, not kept', () => {
    expect(clamp(dec('-0'), dec('0'), dec('10')).isNegative()).toBe(false);
  });

  it('a score of two places or fewer is its own rounding', () => {
    const score = dec('86.19');
    expect(roundScore(score)).toBe(score);
    expect(plain(roundScore(dec('86.185')))).toBe('86.19');
  });
});
