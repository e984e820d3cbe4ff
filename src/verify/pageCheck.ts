import { textRef, type TextRef } from '../errors/texts';
import { scoreText } from '../report/format';
import type { FormResult } from '../scoring/result';
import { PRINTED } from '../domain/formWording';
import { printedWords, type PrintedWord } from '../pdfdoc/pageText';

/** The words printed on each page, read (with PDF.js) once for all the checks that need them; null when unreadable. */
export type PrintedPages = () => Promise<PrintedWord[][] | null>;

export function printedPages(pdf: Uint8Array): PrintedPages {
  let read: Promise<PrintedWord[][] | null> | undefined;
  return () => (read ??= printedWords(pdf).catch(() => null));
}

const NUMBER = /^(\d+(\.\d+)?|\/)$/;
const TOTAL_LABEL = PRINTED.totalLabel;
const SAME_LINE = 1.5;

const onLine = (words: PrintedWord[], y: number): PrintedWord[] =>
  words.filter((w) => Math.abs(w.y - y) < SAME_LINE).sort((a, b) => a.x - b.x);

/** The column under a heading: from halfway to the heading on its left to halfway to the one on its right. */
function column(line: PrintedWord[], heading: PrintedWord): { left: number; right: number } {
  const i = line.indexOf(heading);
  const before = line[i - 1];
  const after = line[i + 1];
  return {
    left: before ? (before.right + heading.x) / 2 : heading.x - 20,
    right: after ? (heading.right + after.x) / 2 : heading.right + 20,
  };
}

const inColumn = (w: PrintedWord, c: { left: number; right: number }): boolean =>
  w.x >= c.left && w.right <= c.right + 1;

interface Printed {
  rows: string[];
  total: { max: string; score: string; grade: string } | null;
  budget: string | null;
}

/** Reads the scores as printed: the 得分 column of the indicator table page by page, the 总分 line and the budget's 得分. */
function readPrinted(pages: PrintedWord[][]): Printed {
  const printed: Printed = { rows: [], total: null, budget: null };
  for (const words of pages) {
    const label = words.find((w) => TOTAL_LABEL.test(w.text));
    for (const heading of words.filter((w) => w.text === PRINTED.scoreHeading)) {
      const line = onLine(words, heading.y);
      const texts = line.map((w) => w.text);
      const c = column(line, heading);
      const below = words.filter((w) => w.y < heading.y - SAME_LINE && inColumn(w, c) && NUMBER.test(w.text));
      if (texts.includes(PRINTED.rowsHeading) && texts.includes(PRINTED.maxScoreHeading)) {
        printed.rows.push(...below.filter((w) => !label || w.y > label.y + SAME_LINE).map((w) => w.text));
      } else if (texts.includes(PRINTED.budgetHeading) && printed.budget === null) {
        printed.budget = below[0]?.text ?? null;
      }
    }
    if (label && !printed.total) {
      const numbers = onLine(words, label.y).filter((w) => w.x > label.right && NUMBER.test(w.text));
      const grade = words
        .filter((w) => w.x > label.right && w.text.startsWith(PRINTED.gradePrefix) && Math.abs(w.y - label.y) < 12)
        .sort((a, b) => Math.abs(a.y - label.y) - Math.abs(b.y - label.y))[0];
      printed.total = {
        max: numbers[0]?.text ?? '',
        score: numbers[1]?.text ?? '',
        grade: grade?.text.slice(PRINTED.gradePrefix.length) ?? '',
      };
    }
  }
  return printed;
}

/**
 * Holds the pages against the data: every row's 得分, the budget's 得分, the 总分 and the grade as printed must be
 * what the embedded inputs score to now. A page drawn over, or data swapped under an unchanged page, says so.
 */
export function pageAgainstData(pages: PrintedWord[][], result: FormResult): TextRef[] {
  const printed = readPrinted(pages);
  const byId = new Map(result.indicators.map((r) => [r.id, r]));
  const rows = result.levels.flatMap((l) => l.groups.flatMap((g) => g.indicatorIds));
  const expected = rows.map((id) => {
    const r = byId.get(id);
    return !r ? '—' : r.kind === 'notApplicable' ? '/' : scoreText(r.finalScore);
  });
  const findings: TextRef[] = [];
  if (!printed.total || printed.rows.length === 0) return [textRef('verify.page.unreadable')];
  for (let i = 0; i < Math.max(expected.length, printed.rows.length); i++) {
    if (printed.rows[i] !== expected[i])
      findings.push(
        textRef('verify.page.row', {
          id: rows[i] ?? String(i + 1),
          printed: printed.rows[i] ?? '—',
          data: expected[i] ?? '—',
        }),
      );
  }
  const budget = scoreText(result.budget.finalScore);
  if (printed.budget !== budget)
    findings.push(textRef('verify.page.budget', { printed: printed.budget ?? '—', data: budget }));
  if (printed.total.score !== scoreText(result.total))
    findings.push(textRef('verify.page.total', { printed: printed.total.score || '—', data: scoreText(result.total) }));
  const grade = result.grade === null ? '' : (result.gradeLabel ?? '');
  if (printed.total.grade !== grade)
    findings.push(textRef('verify.page.grade', { printed: printed.total.grade || '—', data: grade || '—' }));
  return findings;
}
