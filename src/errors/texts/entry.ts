/** One user-facing string that is not a diagnostic (help, report headings, verdicts), in both languages. */
export interface TextEntry {
  zh: string;
  en: string;
}
