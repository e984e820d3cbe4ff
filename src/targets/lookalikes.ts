/**
 * Characters that look like a comparator or a digit but are not one, as published forms and OCR leave them.
 * NFKC already folds the full-width and small-form variants (＝ ﹦ ＜ ﹤ ＞ ﹥, full-width digits and letters);
 * what it leaves is here. The entries for = < > are Unicode's confusables data (confusables.txt, the MA
 * table: every character it maps to EQUALS SIGN, LESS-THAN SIGN or GREATER-THAN SIGN); the rest are the
 * mathematical and box-drawing variants of = ≤ ≥ that print the same, and the two negated signs (≯ "not
 * greater than" is ≤, ≮ "not less than" is ≥).
 */
export const COMPARATOR_LOOKALIKES: Readonly<Record<string, string>> = {
  // confusables.txt → "=" (U+003D)
  '\u1400': '=', // ᐀ CANADIAN SYLLABICS HYPHEN
  '\u2E40': '=', // ⹀ DOUBLE HYPHEN
  '\u30A0': '=', // ゠ KATAKANA-HIRAGANA DOUBLE HYPHEN
  '\uA4FF': '=', // ꓿ LISU PUNCTUATION FULL STOP
  // confusables.txt → "<" (U+003C)
  '\u02C2': '<', // ˂ MODIFIER LETTER LEFT ARROWHEAD
  '\u1438': '<', // ᐸ CANADIAN SYLLABICS PA
  '\u16B2': '<', // ᚲ RUNIC LETTER KAUNA
  '\u2039': '<', // ‹ SINGLE LEFT-POINTING ANGLE QUOTATION MARK
  '\u276E': '<', // ❮ HEAVY LEFT-POINTING ANGLE QUOTATION MARK ORNAMENT
  '\u{1D236}': '<', // 𝈶 GREEK INSTRUMENTAL NOTATION SYMBOL-40
  // confusables.txt → ">" (U+003E)
  '\u02C3': '>', // ˃ MODIFIER LETTER RIGHT ARROWHEAD
  '\u1433': '>', // ᐳ CANADIAN SYLLABICS PO
  '\u203A': '>', // › SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
  '\u276F': '>', // ❯ HEAVY RIGHT-POINTING ANGLE QUOTATION MARK ORNAMENT
  '\u{16F3F}': '>', // 𖼿 MIAO LETTER ARCHAIC ZZA
  '\u{1D237}': '>', // 𝈷 GREEK INSTRUMENTAL NOTATION SYMBOL-42
  // printed variants of = that NFKC keeps
  '\u2550': '=', // ═ BOX DRAWINGS DOUBLE HORIZONTAL
  '\uA78A': '=', // ꞊ MODIFIER LETTER SHORT EQUALS SIGN
  '\u{1F7F0}': '=', // 🟰 HEAVY EQUALS SIGN
  '\u2A75': '=', // ⩵ TWO CONSECUTIVE EQUALS SIGNS
  '\u2A76': '=', // ⩶ THREE CONSECUTIVE EQUALS SIGNS
  // variants of ≤ and ≥
  '\u2266': '≤', // ≦ LESS-THAN OVER EQUAL TO
  '\u2A7D': '≤', // ⩽ LESS-THAN OR SLANTED EQUAL TO
  '\u2A95': '≤', // ⪕ SLANTED EQUAL TO OR LESS-THAN
  '\u2272': '≤', // ≲ LESS-THAN OR EQUIVALENT TO
  '\u2264\uFE00': '≤', // ≤︀ with its variation selector
  '\u2267': '≥', // ≧ GREATER-THAN OVER EQUAL TO
  '\u2A7E': '≥', // ⩾ GREATER-THAN OR SLANTED EQUAL TO
  '\u2A96': '≥', // ⪖ SLANTED EQUAL TO OR GREATER-THAN
  '\u2273': '≥', // ≳ GREATER-THAN OR EQUIVALENT TO
  '\u2265\uFE00': '≥', // ≥︀ with its variation selector
  // negated signs: not greater than is at most, not less than is at least
  '\u226F': '≤', // ≯ NOT GREATER-THAN
  '\u226E': '≥', // ≮ NOT LESS-THAN
};

const LOOKALIKE = new RegExp(
  Object.keys(COMPARATOR_LOOKALIKES)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gu',
);

/**
 * Letters OCR and typists put for digits inside a number: O/o for 0, l/I for 1. Only where a digit stands on
 * both sides (1O0, 2l5), or O/o right after a digit before a sign or the end (9O%), or l/I leading digits (l00):
 * a unit such as l (litre) or a word is never touched.
 */
const OCR_DIGIT = /(?<=\d)[Oo]+(?=[\d.%‰]|$)|(?<=\d)[lI]+(?=\d)|(?<![A-Za-z\d])[lI](?=\d{2})/g;

export interface CanonicalText {
  text: string;
  /** Each look-alike replaced, as `═→=`, in the order met; empty when the text had none. */
  replaced: string[];
}

/**
 * The text with every look-alike comparator and OCR digit replaced by the character it stands for, and NFKC
 * applied between the two: the signs first (NFKC would turn ⩵ into ==), the digits after (NFKC makes ９ a 9).
 */
export function canonicalText(text: string): CanonicalText {
  const replaced: string[] = [];
  const signs = text.replace(LOOKALIKE, (c) => {
    const to = COMPARATOR_LOOKALIKES[c] ?? c;
    replaced.push(`${c}→${to}`);
    return to;
  });
  const digits = signs.normalize('NFKC').replace(OCR_DIGIT, (run) => {
    const to = run.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
    replaced.push(`${run}→${to}`);
    return to;
  });
  return { text: digits, replaced };
}
