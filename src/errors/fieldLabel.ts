import { rowField } from '../domain/fields';
import type { Lang } from './lang';
import { isTextKey, text, textOf } from './texts';

const label = (key: string, lang: Lang): string | null => {
  const known = `field.${key}`;
  return isTextKey(known) ? textOf(known, lang) : null;
};

/**
 * A data path of an actuals file as the form names the cell: `budget.breakdown.currentYear.executed` →
 * 「当年财政拨款的全年执行数」, `indicators.1.1.band` → 「指标「1.1」的档次」. Null for a path the form has no cell for.
 */
export function fieldLabel(path: readonly string[], lang: Lang): string | null {
  const [top, a, b, c] = path;
  if (top === 'indicators' && a !== undefined && b !== undefined && path.length === 3) {
    // the catalog's longer name where it has one (申报得分的理由), else the field table's heading
    const field = label(b, lang) ?? rowField(b)?.header[lang];
    return field ? text('field.row', lang, { id: a, field }) : null;
  }
  if (top === 'budget' && path.length === 2 && a !== undefined) {
    if (a === 'reason') return label('budgetReason', lang);
    if (a === 'declaredScore') return label('budgetDeclaredScore', lang);
    if (a === 'declaredRate') return label('declaredRate', lang);
    const field = label(a, lang);
    return field ? text('field.budgetLine', lang, { line: text('field.line.total', lang), field }) : null;
  }
  if (top === 'budget' && a === 'breakdown' && b !== undefined && c !== undefined && path.length === 4) {
    const line = label(`line.${b}`, lang);
    const field = label(c, lang);
    return line && field ? text('field.budgetLine', lang, { line, field }) : null;
  }
  if (top === 'overallGoal' && a === 'actual' && path.length === 2) return label('goalActual', lang);
  if (top === 'signOff' && a !== undefined && path.length === 2) return label(a, lang);
  if ((top === 'declaredTotal' || top === 'declaredGrade') && path.length === 1) return label(top, lang);
  // a key named alone (缺少必填项「fullYearBudget」): the cell's own name
  if (path.length === 1 && top !== undefined) return label(top, lang);
  return null;
}

/** A field as messages write it (`indicators.1.1.actual`, ids may hold dots) back into its data path. */
export function pathOfField(field: string): string[] {
  const row = /^indicators\.(.+)\.([A-Za-z]+)$/.exec(field);
  return row?.[1] !== undefined && row[2] !== undefined ? ['indicators', row[1], row[2]] : field.split('.');
}
