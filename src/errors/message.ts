import { CATALOG, type CatalogEntry } from './catalog';
import type { Diagnostic, DiagnosticData } from './diagnostic';

export type Lang = 'zh' | 'en';

const SEVERITY_LABEL: Record<Lang, Record<Diagnostic['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '说明' },
  en: { error: 'error', warning: 'warning', info: 'note' },
};

function fill(template: string, data: DiagnosticData): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    return value === undefined ? whole : String(value);
  });
}

/** The message of a diagnostic in one language, without location or hint. */
export function messageOf(d: Diagnostic, lang: Lang = 'zh'): string {
  const entry = CATALOG[d.code];
  // A budget row has no id: 「 预算执行率」 reads better as 「预算执行率」.
  return fill(lang === 'en' ? entry.en : entry.zh, d.data)
    .replace(/「\s+/g, '「')
    .replace(/(^|\s)"\s+/g, '$1"');
}

export function hintOf(d: Diagnostic, lang: Lang = 'zh'): string | undefined {
  const entry: CatalogEntry = CATALOG[d.code];
  const hint = lang === 'en' ? entry.hintEn : entry.hintZh;
  return hint === undefined ? undefined : fill(hint, d.data);
}

/** `file:line:column: 错误 CODE: message\n  修改建议：hint` — the form editors and terminals link. */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'zh'): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : '';
  const head = `${where}${SEVERITY_LABEL[lang][d.severity]} ${d.code}: ${messageOf(d, lang)}`;
  const hint = hintOf(d, lang);
  return hint ? `${head}\n  ${lang === 'en' ? 'fix' : '修改建议'}：${hint}`.replace('fix：', 'fix: ') : head;
}
