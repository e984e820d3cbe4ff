import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { editActuals } from '../src/load/actualsEdits';
import { cellText, listEntries, rowField } from '../src/domain/fields';
import { actualsSchema } from '../src/schema/actuals';
import { PROJECT, ROOT } from './helpers';

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

  it('one cell shows the entries joined, and reads back to the same entries', () => {
    expect(cellText(['a.pdf', 'b.pdf'])).toBe('a.pdf；b.pdf');
    expect(listEntries('a.pdf；b.pdf\nc.pdf;')).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
  });
});
