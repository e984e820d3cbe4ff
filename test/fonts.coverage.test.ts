import { bundledFontsCover, uncoveredCharacters } from '../src/domain/fonts';

// The page is searched unit by unit for characters no bundled font has; it must find what a search by code point finds.

/** The plain way: every distinct code point asked once. */
const byCodePoint = (text: string): string[] =>
  [...new Set(text)].filter((ch) => !bundledFontsCover(ch.codePointAt(0) ?? 0));

describe('characters the bundled fonts cannot draw', () => {
  const texts = [
    '绩效自评表 2020年度 总分 95（满分 100）优',
    // Extension B characters and emoji take two UTF-16 units; some repeat, some sit next to each other
    '𠀀𠀁 株洲𠀀 😀 ≥95% 😀😀 〓',
    // a lone high or low surrogate (a broken string) is still one character
    'a\ud800b\udc00c',
    // control characters, spaces of every width, and the characters of HTML
    '\t\n\r \u3000\u00a0<td class="x">&amp;</td>\u007f',
    '',
  ];
  test.each(texts.map((t) => [t]))('%j: the same characters, in order of first appearance', (text) => {
    expect(uncoveredCharacters(text)).toEqual(byCodePoint(text));
  });

  test('an Extension B character and an emoji are found, a common one is not', () => {
    expect(uncoveredCharacters('株𠀀洲😀市')).toEqual(['𠀀', '😀']);
    // asked twice: the second answer comes from what the first learnt
    expect(uncoveredCharacters('😀株𠀀')).toEqual(['😀', '𠀀']);
  });
});
