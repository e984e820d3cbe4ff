import type { Placeholders } from '../catalog/entry';
import type { SignRole } from '../../domain/glossary';
import type { Lang } from '../lang';
import { BATCH_TEXTS } from './batch';
import { CLI_TEXTS } from './cli';
import { HELP_TEXTS } from './help';
import { COMPARE_TEXTS } from './compare';
import { REASON_TEXTS } from './reasons';
import { REPORT_TEXTS } from './report';
import { SERVE_TEXTS } from './serve';
import { OUTPUT_TEXTS } from './outputs';
import { TERM_TEXTS } from './terms';
import { FIELD_TEXTS } from './fields';
import { EXPLAIN_TEXTS } from './explain';
import { VERIFY_TEXTS } from './verify';
import { VERIFY_STRUCTURE_TEXTS } from './verifyStructure';
import { REVOCATION_TEXTS } from './revocation';
import { METHOD_TEXTS } from './methods';
import { REVIEW_TEXTS } from './review';

export type { TextEntry } from './entry';

/** Every user-facing string that is not a diagnostic, by area; `{name}` is filled from data. */
export const TEXTS = {
  ...CLI_TEXTS,
  ...HELP_TEXTS,
  ...REPORT_TEXTS,
  ...VERIFY_TEXTS,
  ...VERIFY_STRUCTURE_TEXTS,
  ...REVOCATION_TEXTS,
  ...COMPARE_TEXTS,
  ...REASON_TEXTS,
  ...TERM_TEXTS,
  ...BATCH_TEXTS,
  ...REVIEW_TEXTS,
  ...SERVE_TEXTS,
  ...OUTPUT_TEXTS,
  ...FIELD_TEXTS,
  ...EXPLAIN_TEXTS,
  ...METHOD_TEXTS,
};

export type TextKey = keyof typeof TEXTS;
type TextData<K extends TextKey> = Record<
  Placeholders<(typeof TEXTS)[K]['zh'] | (typeof TEXTS)[K]['en']>,
  string | number
>;

/** A text named inside a diagnostic's data, filled in the reader's language when the message is formatted. */
export interface TextRef {
  text: TextKey;
  data?: Record<string, string | number | TextRef>;
}

/** A scoring method's or adjustment's name in the reader's language (its id when the catalog does not name it). */
export function methodName(id: string, lang: Lang): string {
  const key = `method.${id}`;
  return isTextKey(key) ? textOf(key, lang) : id;
}

export function textRef(text: TextKey, data?: Record<string, string | number | TextRef>): TextRef {
  return data ? { text, data } : { text };
}

/** Whether a key made at run time (a `.form` variant, a parameter's name) is in the catalog. */
export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(TEXTS, key);
}

export function isTextRef(value: unknown): value is TextRef {
  return typeof value === 'object' && value !== null && 'text' in value;
}

/** A phrase given in both languages by a table inside errors/ (field rules, YAML error names, zod issues). */
export interface Localized {
  zh: string;
  en: string;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;
}

export function fillTemplate(template: string, data: Record<string, unknown>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    if (isTextRef(value)) return textOf(value.text, lang, value.data ?? {});
    if (isLocalized(value)) return lang === 'en' ? value.en : value.zh;
    return String(value);
  });
}

/** A text in one language; its data is typed by the text's placeholders. */
export function text<K extends TextKey>(
  key: K,
  lang: Lang,
  ...data: [Placeholders<(typeof TEXTS)[K]['zh'] | (typeof TEXTS)[K]['en']>] extends [never] ? [] : [TextData<K>]
): string {
  return textOf(key, lang, data[0] ?? {});
}

/** A text whose key is chosen at run time (help entries, table headings); its data is not checked. */
export function textOf(key: TextKey, lang: Lang, data: Record<string, unknown> = {}): string {
  const entry: { zh: string; en: string } = TEXTS[key];
  return fillTemplate(lang === 'en' ? entry.en : entry.zh, data, lang);
}

/** A text named by reference (a verify reason, a problem), in one language. */
export function textOfRef(ref: TextRef, lang: Lang): string {
  return textOf(ref.text, lang, ref.data ?? {});
}

/** A list inside a message: 「a、b、c」 in Chinese, "a, b, c" in English. */
export function listOf(items: readonly (string | number)[]): Localized {
  return { zh: items.join('、'), en: items.join(', ') };
}

/** 「审核人、单位负责人」: roles by the names people read, listed as the language lists. */
export function roleList(roles: readonly SignRole[], lang: Lang): string {
  const list = listOf(roles.map((r) => text(`role.${r}`, lang)));
  return lang === 'en' ? list.en : list.zh;
}
