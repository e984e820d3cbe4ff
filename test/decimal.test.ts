import { atPrintedPlaces, dec, percent, plain, roundScore } from '../src/domain/decimal';

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
