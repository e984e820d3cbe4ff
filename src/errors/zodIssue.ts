import { z } from 'zod';
import type { Localized } from './texts';

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
