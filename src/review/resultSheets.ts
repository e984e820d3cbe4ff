import { RESULT_SHEETS, REVIEW_WORDS } from '../domain/reviewWording';
import type { SheetCell, SheetColumn, SheetSpec } from '../workbook/sheets';
import type { ReviewedForm } from './reviewScores';

const num = (text: string | null): SheetCell => (text === null ? null : Number(text));

/** Columns with number formats by position: scores as 0.00, the 偏离度 as a percentage. */
const columns = (headers: readonly string[], scores: number[], percent: number): SheetColumn[] =>
  headers.map((header, i) =>
    i === percent ? { header, numFmt: '0.00%' } : scores.includes(i) ? { header, numFmt: '0.00' } : { header },
  );

/** The 复核结果 workbook: one sheet of forms (自评 against 复核 totals), one of rows. */
export function resultSheets(forms: readonly ReviewedForm[]): SheetSpec[] {
  const formRows = forms.map((f): SheetCell[] => [
    f.input,
    f.department,
    f.project,
    num(f.selfTotal),
    f.selfGrade ?? '',
    num(f.reviewTotal),
    f.reviewGrade ?? '',
    num(f.deviation),
    REVIEW_WORDS.status[f.status],
  ]);
  const rows = forms.flatMap((f) =>
    f.rows.map((r): SheetCell[] => [
      f.input,
      r.id,
      r.name,
      num(r.maxScore),
      num(r.selfScore),
      r.reviewActual,
      num(r.reviewScore),
      num(r.deviation),
      r.note,
    ]),
  );
  return [
    { name: RESULT_SHEETS.forms, columns: columns(RESULT_SHEETS.formColumns, [3, 5], 7), rows: formRows },
    { name: RESULT_SHEETS.rows, columns: columns(RESULT_SHEETS.rowColumns, [3, 4, 6], 7), rows },
  ];
}
