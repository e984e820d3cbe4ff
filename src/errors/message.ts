import { CATALOG, type CatalogEntry } from './catalog';
import type { Diagnostic } from './diagnostic';
import type { Lang } from './lang';
import { fillTemplate, text } from './texts';

export type { Lang } from './lang';

/** The message of a diagnostic in one language, without location or hint. */
export function messageOf(d: Diagnostic, lang: Lang = 'zh'): string {
  const entry = CATALOG[d.code];
  // A budget row has no id: 「 预算执行率」 reads better as 「预算执行率」.
  return fillTemplate(lang === 'en' ? entry.en : entry.zh, d.data, lang)
    .replace(/「\s+/g, '「')
    .replace(/(^|\s)"\s+/g, '$1"');
}

export function hintOf(d: Diagnostic, lang: Lang = 'zh'): string | undefined {
  const entry: CatalogEntry = CATALOG[d.code];
  const hint = lang === 'en' ? entry.hintEn : entry.hintZh;
  return hint === undefined ? undefined : fillTemplate(hint, d.data, lang);
}

/** `file:line:column: 错误 CODE: message\n  修改建议：hint` — the form editors and terminals link. */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'zh'): string {
  const where = !d.location ? '' : d.location.cell ? `${d.location.file}!${d.location.cell}: ` : `${d.location.file}:${d.location.line}:${d.location.column}: `;
  const head = `${where}${text(`severity.${d.severity}`, lang)} ${d.code}: ${messageOf(d, lang)}`;
  const hint = hintOf(d, lang);
  return hint ? `${head}\n${text('diagnostic.fix', lang, { hint })}` : head;
}

/** A diagnostic as JSON for `--json`: code, severity, file, line, column, message and hint in one language. */
export function diagnosticJson(d: Diagnostic, lang: Lang = 'zh') {
  const hint = hintOf(d, lang);
  return {
    code: d.code,
    severity: d.severity,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    ...(d.location?.cell ? { cell: d.location.cell } : {}),
    message: messageOf(d, lang),
    ...(hint ? { hint } : {}),
  };
}
