import ExcelJS from 'exceljs';

/**
 * A plain table as an .xlsx workbook: a bold header row, frozen, with column widths fitted to the text. Every
 * cell is written as text (a unit named "=1+1" stays those characters: exceljs writes strings, never formulas).
 */
export async function tableWorkbook(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  // a CJK character takes about two columns of width
  const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);
  headers.forEach((h, i) => {
    const longest = Math.max(width(h), ...rows.map((r) => width(r[i] ?? '')));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
