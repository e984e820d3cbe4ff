import { z } from 'zod';

/**
 * Building blocks shared by the file schemas. A custom `error` names an entry of FIELD_RULES,
 * so the message a user sees says what the field must hold, in their language.
 */

/**
 * At most `limit` characters, counted as people count them (one per Chinese character, one per emoji). A text of
 * no more UTF-16 units than that is within it without counting (every character is one unit or two).
 */
function withinCharacters(text: string, limit: number): boolean {
  return text.length <= limit || [...text].length <= limit;
}

/** Ids are strings: unquoted 1.10 would silently become 1.1. */
export const idString = z.string().min(1).meta({ description: '编号（字符串，请加引号，如 "1.10"）' });

/** A cell people write as text; a bare YAML number (100, 0.95) is accepted and kept as its text. */
export const textCell = z
  .union([z.string(), z.number()], { error: 'textCell' })
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .check(z.refine((v: string) => withinCharacters(v, 200), { params: { code: 'TEXT_TOO_LONG', limit: 200 } }));

/** A score or weight: a non-negative number. */
export const points = z
  .number({ error: 'points' })
  .check(z.refine((v) => v >= 0, { params: { code: 'NEGATIVE_POINTS' } }));

/** 分值: a non-negative number, or "/" when the row does not apply. */
export const maxScore = z.union([z.number().nonnegative(), z.literal('/')], { error: 'maxScore' });

/** An amount in 万元: a number or a numeric string, never negative. */
export const amount = z
  // thousands commas as spreadsheets print them (1,050.6) are read as 1050.6
  // a Chinese comma or full-width digits typed with an IME (2，450.6) is named as such, not just "not a number"
  .union(
    [
      z.number(),
      z.string().regex(/^\s*-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?\s*$/, {
        error: (issue) =>
          typeof issue.input === 'string' && /[，、０-９．：]/.test(issue.input) ? 'amountFullWidth' : 'amount',
      }),
    ],
    { error: 'amount' },
  )
  .check(z.refine((v) => !(Number(String(v).replace(/,/g, '')) < 0), { params: { code: 'NEGATIVE_AMOUNT' } }))
  .transform((v) => String(v).trim().replace(/,/g, ''));

export const nonEmptyText = z.string({ error: 'text' }).min(1);

export const bandInput = z.enum(['达成', '部分达成', '未达成', 'achieved', 'partial', 'notAchieved'], {
  error: 'band',
});

const GRADE_BY_ID = { excellent: '优', good: '良', fair: '中', poor: '差' } as const;

/**
 * A grade as printed on a form (优/良/中/差, or a province's word such as 优秀 that its rule set defines), or an
 * English id; kept as printed and compared with the rule set's grade when the form is scored.
 */
export const gradeLabel = z
  .string({ error: 'gradeLabel' })
  .trim()
  .min(1, { error: 'gradeLabel' })
  .transform((g) => (g in GRADE_BY_ID ? GRADE_BY_ID[g as keyof typeof GRADE_BY_ID] : g));

/**
 * The longest text each kind of field may hold (README: 输入文件). Longer text would not fit its box on the
 * printed form, and is refused at its line rather than cut off silently.
 */
export const TEXT_LIMITS = { name: 100, cell: 200, reason: 1000, goal: 2000, signOff: 50 } as const;

/** A string of at most `limit` characters (counted as people count them: one per Chinese character). */
export function limited<T extends z.ZodType<string>>(schema: T, limit: number) {
  return schema.check(
    z.refine((v: string) => withinCharacters(v, limit), { params: { code: 'TEXT_TOO_LONG', limit } }),
  );
}
