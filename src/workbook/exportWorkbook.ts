import { textOfRef } from '../errors/texts';
import ExcelJS from 'exceljs';
import { WORKBOOK } from '../domain/formWording';
import { FIELD_LABEL } from '../domain/glossary';
import type { FormResult } from '../scoring/result';
import { gradeText, scoreText } from '../report/format';
import { embedDefinitions } from './embeddedDefinitions';
import { FormSheet } from './formSheet';
import type { WorkbookSource } from './workbookSource';
import { COLUMNS, columnOf, SHEET_FORM, SHEET_META, SHEET_SCORES, WORKBOOK_FORMAT } from './layout';

export type { WorkbookSource } from './workbookSource';

/** The 自评表 workbook: the printed layout to fill, the last scores, and a hidden sheet that says where each field is. */
export async function exportWorkbook(source: WorkbookSource): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `jixiao ${source.jixiaoVersion}`;
  workbook.created = source.createdAt;
  const form = workbook.addWorksheet(SHEET_FORM, { views: [{ showGridLines: false }] });
  const cells = new FormSheet(form);
  const map = cells.layOut(source);
  form.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  form.pageSetup.printTitlesRow = `${map.tableHeaderRow}:${map.tableHeaderRow}`;
  form.headerFooter.oddFooter = WORKBOOK.footer;
  await form.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  if (source.result)
    scoresSheet(workbook.addWorksheet(SHEET_SCORES), source.result, source.jixiaoVersion, source.createdAt);

  const meta = workbook.addWorksheet(SHEET_META, { state: 'hidden' });
  meta.addRow(['format', WORKBOOK_FORMAT]);
  meta.addRow(['jixiaoVersion', source.jixiaoVersion]);
  meta.addRow(['definitions', source.definitionsRef]);
  meta.addRow(['definitionsSha256', source.definitionsSha256]);
  meta.addRow(['tableFirstRow', map.firstRow]);
  meta.addRow(['tableLastRow', map.lastRow]);
  for (const c of COLUMNS) meta.addRow([`column.${c.key}`, columnOf(c.key)]);
  for (const [field, cell] of map.fields) meta.addRow([`cell.${field}`, cell]);
  for (const [id, row] of map.rows) meta.addRow([`row.${id}`, row]);
  embedDefinitions(workbook, source.definitionsText);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 评分 sheet: the last computed scores and 计算过程 as plain values, marked as jixiao's. */
function scoresSheet(sheet: ExcelJS.Worksheet, result: FormResult, version: string, at: Date): void {
  sheet.columns = [
    { width: 8 },
    { width: 22 },
    { width: 8 },
    { width: 10 },
    { width: 10 },
    { width: 70 },
    { width: 30 },
  ];
  sheet.addRow([
    WORKBOOK.scoresNote(version, at.toISOString().slice(0, 10), result.ruleSet.id, result.ruleSet.version),
  ]);
  sheet.mergeCells('A1:G1');
  sheet.getCell('A1').font = { bold: true, color: { argb: 'FF9C0006' } };
  const head = sheet.addRow([
    COLUMNS[0]?.header ?? '',
    FIELD_LABEL.indicator,
    FIELD_LABEL.maxScore,
    FIELD_LABEL.ruleScore,
    FIELD_LABEL.finalScore,
    FIELD_LABEL.explanation,
    FIELD_LABEL.flags,
  ]);
  head.font = { bold: true };
  sheet.addRow([
    WORKBOOK.budgetRow,
    FIELD_LABEL.budget,
    scoreText(result.budget.maxScore),
    scoreText(result.budget.ruleScore),
    scoreText(result.budget.finalScore),
    textOfRef(result.budget.explanation, 'zh'),
    result.budget.flags.map((f) => f.code).join(' '),
  ]);
  for (const r of result.indicators) {
    sheet.addRow([
      r.id,
      r.name,
      r.maxScore === null ? '/' : scoreText(r.maxScore),
      scoreText(r.ruleScore),
      scoreText(r.finalScore),
      textOfRef(r.explanation, 'zh'),
      r.flags.map((f) => f.code).join(' '),
    ]);
  }
  sheet.addRow([
    FIELD_LABEL.total,
    '',
    scoreText(result.maxTotal),
    '',
    scoreText(result.total),
    result.grade ? WORKBOOK.gradeCell(gradeText(result.grade)) : '',
    '',
  ]);
  sheet.eachRow((row) => row.eachCell((c) => (c.alignment = { wrapText: true, vertical: 'top' })));
}
