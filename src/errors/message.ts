import { CATALOG, type CatalogEntry } from './catalog';
import type { Diagnostic } from './diagnostic';
import type { Lang } from './lang';
import { fieldLabel, pathOfField } from './fieldLabel';
import { fillTemplate, isTextKey, isTextRef, text } from './texts';

export type { Lang } from './lang';

/**
 * Who reads a message: someone editing the YAML file ('file': keys such as `budget.reason` help them), or a clerk at
 * a form, on the web page or in a workbook ('form': the cells' printed names, never a YAML key or data path).
 */
export type Surface = 'file' | 'form';

/** The data a form's reader sees: a field or key named as its cell, a term in its form wording. */
function dataFor(data: Diagnostic['data'], lang: Lang, surface: Surface): Record<string, unknown> {
  if (surface === 'file') return data;
  const out: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if ((key === 'field' || key === 'key') && typeof value === 'string')
      out[key] = fieldLabel(pathOfField(value), lang) ?? value;
    else if (isTextRef(value)) {
      const formKey = `${value.text}.form`;
      if (isTextKey(formKey)) out[key] = { ...value, text: formKey };
    }
  }
  return out;
}

/** The message of a diagnostic in one language, without location or hint. */
export function messageOf(d: Diagnostic, lang: Lang = 'zh', surface: Surface = 'file'): string {
  const entry = CATALOG[d.code];
  // A budget row has no id: 「 预算执行率」 reads better as 「预算执行率」.
  return fillTemplate(lang === 'en' ? entry.en : entry.zh, dataFor(d.data, lang, surface), lang)
    .replace(/「\s+/g, '「')
    .replace(/(^|\s)"\s+/g, '$1"');
}

export function hintOf(d: Diagnostic, lang: Lang = 'zh', surface: Surface = 'file'): string | undefined {
  const entry: CatalogEntry = CATALOG[d.code];
  const hint =
    surface === 'form'
      ? ((lang === 'en' ? entry.formHintEn : entry.formHintZh) ?? (lang === 'en' ? entry.hintEn : entry.hintZh))
      : lang === 'en'
        ? entry.hintEn
        : entry.hintZh;
  return hint === undefined ? undefined : fillTemplate(hint, dataFor(d.data, lang, surface), lang);
}

/** A workbook's cell is a form too: its messages name cells, not YAML keys. */
const surfaceOf = (d: Diagnostic): Surface => (d.location?.cell ? 'form' : 'file');

/** `file:line:column: 错误 CODE: message` — a diagnostic on one line, where it is first (a list of reasons, a page). */
export function diagnosticLine(d: Diagnostic, lang: Lang = 'zh'): string {
  const where = !d.location
    ? ''
    : d.location.cell
      ? `${d.location.file}!${d.location.cell}: `
      : `${d.location.file}:${d.location.line}:${d.location.column}: `;
  return `${where}${text(`severity.${d.severity}`, lang)} ${d.code}: ${messageOf(d, lang, surfaceOf(d))}`;
}

/** `file:line:column: 错误 CODE: message\n  修改建议：hint` — the form editors and terminals link. */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'zh'): string {
  const head = diagnosticLine(d, lang);
  const hint = hintOf(d, lang, surfaceOf(d));
  return hint ? `${head}\n${text('diagnostic.fix', lang, { hint })}` : head;
}

/** A diagnostic as JSON for `--json`: code, severity, file, line, column, message and hint in one language. */
export function diagnosticJson(d: Diagnostic, lang: Lang = 'zh') {
  const hint = hintOf(d, lang, surfaceOf(d));
  return {
    code: d.code,
    severity: d.severity,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    ...(d.location?.cell ? { cell: d.location.cell } : {}),
    message: messageOf(d, lang, surfaceOf(d)),
    ...(hint ? { hint } : {}),
  };
}
