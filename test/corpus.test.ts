import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { findings } from './corpus/findings';
import { corpusForms } from './corpus/forms';
import { runCli } from './helpers';

/**
 * Real forms transcribed as printed, faults kept (test/corpus, each naming its source). jixiao must reach the
 * conclusions written in the form's .expected.yaml: status, totals, grade, pending rows and every flag code.
 */
const forms = corpusForms();

test('the corpus has forms from several provinces, each with its source named', () => {
  expect(forms.length).toBeGreaterThanOrEqual(8);
  expect(new Set(forms.map((f) => f.name.split('-')[0])).size).toBeGreaterThanOrEqual(4);
  for (const form of forms) {
    // the seed's files name their source as the document's title (《…》) on their first lines
    expect(readFileSync(form.definitions, 'utf8')).toMatch(/^# (?:来源：|.*《[^》]+》)/m);
  }
});

describe.each(forms.map((f) => [f.name, f] as const))('%s', (_name, form) => {
  it('scores as expected: status and exit code, totals, grade, pending rows, flags, rows scored and agreeing', async () => {
    const expected = parse(readFileSync(form.expected, 'utf8')) as Record<string, unknown>;
    const run = await runCli('score', form.actuals, '--json');
    // a draft has its own exit code (3); a complete form exits 0
    expect(run.code).toBe(expected.status === 'draft' ? 3 : 0);
    const { rows, rowsScored, rowsMatchingDeclared, ...conclusions } = findings(run.out);
    expect(conclusions).toEqual({ status: expected.status, total: expected.total, maxTotal: expected.maxTotal, grade: expected.grade, pending: expected.pending, flags: expected.flags });
    expect({ rows, rowsScored, rowsMatchingDeclared }).toEqual(expected.report);
  });
});
