/** The languages of every user-facing string: Chinese by default, English with --lang en. */
export type Lang = 'zh' | 'en';

export function isLang(value: string): value is Lang {
  return value === 'zh' || value === 'en';
}
