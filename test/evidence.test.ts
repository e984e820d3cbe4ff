import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { editActuals } from '../src/load/actualsEdits';
import { cellText, listEntries, rowField } from '../src/domain/fields';
import { actualsSchema } from '../src/schema/actuals';
import ExcelJS from 'exceljs';
import { CLEAN, PROJECT, ROOT, runCli, tempDir } from './helpers';

/** 佐证材料 (evidence): a list per row in YAML, one cell of ；-joined entries on the web form and in the workbook. */
describe('the evidence field', () => {
  const base = readFileSync(path.join(ROOT, PROJECT), 'utf8');
  const firstId = Object.keys((parse(base) as { indicators: Record<string, unknown> }).indicators)[0] ?? '';

  it('is in the field table as a list that is not printed', () => {
    expect(rowField('evidence')).toMatchObject({ type: 'list', printed: false });
  });

  it('a web edit of "a；b" writes a YAML list the schema accepts, and emptying it removes the key', () => {
    const edited = editActuals(base, [
      { path: ['indicators', firstId, 'evidence'], value: '总结.pdf；问卷 汇总.xlsx; ' },
    ]);
    const data = parse(edited) as { indicators: Record<string, { evidence?: string[] }> };
    expect(data.indicators[firstId]?.evidence).toEqual(['总结.pdf', '问卷 汇总.xlsx']);
    expect(actualsSchema.safeParse(data).success).toBe(true);
    const emptied = parse(
      editActuals(edited, [{ path: ['indicators', firstId, 'evidence'], value: ' ' }]),
    ) as typeof data;
    expect(emptied.indicators[firstId]).not.toHaveProperty('evidence');
  });

  it('a text where a list belongs is refused by the schema', () => {
    const data = parse(base) as { indicators: Record<string, Record<string, unknown>> };
    const row = data.indicators[firstId];
    if (row) row.evidence = '总结.pdf';
    expect(actualsSchema.safeParse(data).success).toBe(false);
  });

  it('in the workbook: exported in its own column as one cell, filled there, imported back as a YAML list', async () => {
    const dir = tempDir('jixiao-evidence-');
    const xlsx = path.join(dir, 'water.xlsx');
    expect((await runCli('export', path.join(ROOT, CLEAN), '-o', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const meta = new Map<string, string>();
    wb.getWorksheet('jixiao')?.eachRow((r) => meta.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    const address = `${meta.get('column.evidence') ?? '?'}${meta.get('row.1.1') ?? '?'}`;
    const sheet = wb.getWorksheet('自评表');
    expect(sheet?.getCell(`${meta.get('column.evidence') ?? '?'}${Number(meta.get('row.1.1')) - 1}`).value).toBe(
      '佐证材料',
    );
    const cell = sheet?.getCell(address);
    if (!cell) throw new Error('no evidence cell');
    cell.value = '验收报告.pdf；现场照片.zip';
    await wb.xlsx.writeFile(xlsx);
    const out = path.join(dir, 'water.actuals.yaml');
    const run = await runCli('import', xlsx, '-o', out);
    expect([run.code, run.err]).toEqual([0, expect.any(String)]);
    const data = parse(readFileSync(out, 'utf8')) as { indicators: Record<string, { evidence?: string[] }> };
    expect(data.indicators['1.1']?.evidence).toEqual(['验收报告.pdf', '现场照片.zip']);
  });

  it('one cell shows the entries joined, and reads back to the same entries', () => {
    expect(cellText(['a.pdf', 'b.pdf'])).toBe('a.pdf；b.pdf');
    expect(listEntries('a.pdf；b.pdf\nc.pdf;')).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
  });
});
