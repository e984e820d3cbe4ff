import { dec, plain } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { REVIEW_SHEETS, WORKSHEET_COLUMNS } from '../domain/reviewWording';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { readInput } from '../load/files';
import { readTableSheet } from '../workbook/tableSheetReader';
import { entryKey, type ReviewerEntry } from './sheets';

/** A reviewer's entry as read, with where its cells are (for messages at file!sheet!cell). */
export interface ReadEntry extends ReviewerEntry {
  form: string;
  id: string;
  where: (header: string) => SourceLocation;
}

/**
 * The reviewer's entries of a 复核底稿 (rows with a 复核完成值, a 复核得分 or a 备注), by form and indicator. Every
 * cell goes through the workbook's one reader; a 复核得分 outside 0…分值 is a problem at its cell. Problems are
 * thrown together.
 */
export async function readWorksheet(file: string): Promise<Map<string, ReadEntry>> {
  const c = WORKSHEET_COLUMNS;
  const { rows, reader } = await readTableSheet(file, readInput(file, 'xlsx'), REVIEW_SHEETS.worksheet, {
    [c.form]: 'text',
    [c.id]: 'text',
    [c.maxScore]: 'number',
    // a 复核完成值 is read as an actual is (full-width digits folded, a percentage cell as 95%)
    [c.reviewActual]: 'value',
    [c.reviewScore]: 'number',
    [c.note]: 'text',
  });
  const problems: Diagnostic[] = [];
  const entries = new Map<string, ReadEntry>();
  for (const r of rows) {
    const form = r.cell(c.form);
    const id = r.cell(c.id);
    const where = (header: string): SourceLocation => reader.where(r.address(header));
    const entry: ReadEntry = {
      form: form ?? '',
      id: id ?? '',
      reviewActual: r.cell(c.reviewActual),
      reviewScore: r.cell(c.reviewScore),
      note: r.cell(c.note),
      where,
    };
    if (entry.reviewActual === undefined && entry.reviewScore === undefined && entry.note === undefined) continue;
    if (!form || !id) {
      problems.push(diagnostic('REVIEW_ROW_UNNAMED', {}, where(form ? c.id : c.form)));
      continue;
    }
    const max = r.cell(c.maxScore);
    if (entry.reviewScore !== undefined && max !== undefined) {
      const score = dec(entry.reviewScore);
      if (score.isNegative() || score.greaterThan(dec(max)))
        problems.push(
          diagnostic(
            'REVIEW_SCORE_OUT_OF_RANGE',
            { score: entry.reviewScore, max: plain(dec(max)) },
            where(c.reviewScore),
          ),
        );
    }
    entries.set(entryKey(form, id), entry);
  }
  const all = [...reader.problems, ...problems];
  if (all.some((d) => d.severity === 'error')) throw new InputError(all);
  return entries;
}
