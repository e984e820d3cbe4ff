import type { TextEntry } from './entry';

/** The what-if report of `jixiao compare` (terminal and HTML). */
export const COMPARE_TEXTS = {
  'compare.title': { zh: '评分规则集对比：A = {a}，B = {b}（{engine}，{seconds} 秒）', en: 'Rule sets compared: A = {a}, B = {b} ({engine}, {seconds} s)' },
} as const satisfies Record<string, TextEntry>;
