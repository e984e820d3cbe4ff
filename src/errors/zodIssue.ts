import { z } from 'zod';
import { textOf, textRef, type Localized, type TextRef } from './texts';

const ZH = z.locales.zhCN();
const EN = z.locales.en();

type Issue = Parameters<typeof EN.localeError>[0];

function messageFrom(result: ReturnType<typeof EN.localeError>, fallback: string): string {
  if (typeof result === 'string') return result;
  return result?.message ?? fallback;
}

/** A zod issue in both languages, from zod's own zh-CN and en locales. */
export function issueText(issue: { code: string; message: string }): Localized {
  const raw = issue as unknown as Issue;
  return { zh: messageFrom(ZH.localeError(raw), issue.message), en: messageFrom(EN.localeError(raw), issue.message) };
}

/** The parts of a zod issue its wording reads. */
export interface IssueFacts {
  code: string;
  message: string;
  input?: unknown;
  values?: unknown[];
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: unknown;
}

/** The bound a number broke, as zod reports it (`maximum` for too_big, `minimum` for too_small). */
function numberBound(issue: IssueFacts): { bound: number; inclusive: boolean; value: number } | null {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  if (typeof issue.input !== 'number' || (typeof bound !== 'number' && typeof bound !== 'bigint')) return null;
  return { bound: Number(bound), inclusive: issue.inclusive !== false, value: issue.input };
}

/** A value too small or too large: what it is and where the bound lies (a share written as a percentage says so). */
function sizeText(issue: IssueFacts): TextRef {
  const b = numberBound(issue);
  if (issue.code === 'too_small') {
    if (b) return textRef(b.inclusive ? 'value.atLeast' : 'value.moreThan', { value: b.value, bound: b.bound });
    return textRef(
      Array.isArray(issue.input)
        ? 'value.emptyList'
        : typeof issue.input === 'string'
          ? 'value.empty'
          : 'value.tooSmall',
    );
  }
  if (!b) return textRef('value.tooLarge');
  // 95 where at most 1 is allowed: the share was likely meant
  const share =
    b.bound === 1 && b.value > 1 && b.value <= 100
      ? textRef('value.share', { value: b.value, fraction: b.value / 100 })
      : '';
  return textRef(b.inclusive ? 'value.atMost' : 'value.lessThan', { value: b.value, bound: b.bound, share });
}

/**
 * What is wrong with a value, for an INVALID_VALUE message: a size said with its bound, the field's own rule,
 * the allowed values, or zod's own words in zh-CN and en.
 */
export function issueDetail(issue: IssueFacts, rule: Localized | undefined): Localized | TextRef {
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeText(issue);
  if (rule) return rule;
  const values = issue.values?.map((v) => String(v));
  if (values)
    return {
      zh: textOf('value.oneOf', 'zh', { values: values.join('、') }),
      en: textOf('value.oneOf', 'en', { values: values.join(', ') }),
    };
  return issueText(issue);
}

/** How to fix what is wrong with a value, with an example: the bound, one of the words, the field's own form. */
export function issueFix(issue: IssueFacts, ruleFix: Localized | undefined): Localized | TextRef {
  const b = numberBound(issue);
  if (issue.code === 'too_big' && b) {
    if (b.bound === 1 && b.value > 1 && b.value <= 100)
      return textRef('fix.share', { value: b.value, fraction: b.value / 100 });
    return textRef(b.inclusive ? 'fix.atMost' : 'fix.lessThan', { bound: b.bound });
  }
  if (issue.code === 'too_small' && b) return textRef(b.inclusive ? 'fix.atLeast' : 'fix.moreThan', { bound: b.bound });
  if (issue.code === 'too_small') return textRef('fix.notEmpty');
  if (ruleFix) return ruleFix;
  const [first] = issue.values ?? [];
  if (first !== undefined) return textRef('fix.oneOf', { first: String(first) });
  return textRef('fix.schema');
}
