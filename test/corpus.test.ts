import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { findings } from './corpus/findings';
import { ROOT, runCli } from './helpers';

/**
 * Real forms transcribed as printed, faults kept (test/corpus, each naming its source). jixiao must reach the
 * conclusions written in the form's .expected.yaml: status, totals, grade, pending rows and every flag code.
 */
const CORPUS = path.join(ROOT, 'test/corpus');
const forms = readdirSync(CORPUS).filter((f) => f.endsWith('.actuals.yaml')).sort();

test('the corpus has forms, each with its expected result and its source named', () => {
  expect(forms.length).toBeGreaterThanOrEqual(3);
  for (const form of forms) {
    const definitions = readFileSync(path.join(CORPUS, form.replace('.actuals.yaml', '.indicators.yaml')), 'utf8');
    expect(definitions).toMatch(/^# 来源：/m);
    expect(readdirSync(CORPUS)).toContain(form.replace('.actuals.yaml', '.expected.yaml'));
  }
});

describe.each(forms)('%s', (form) => {
  it('scores as expected: status and exit code, totals, grade, pending rows, flags, rows scored and agreeing', async () => {
    const expected = parse(readFileSync(path.join(CORPUS, form.replace('.actuals.yaml', '.expected.yaml')), 'utf8')) as Record<string, unknown>;
    const run = await runCli('score', path.join(CORPUS, form), '--json');
    // a draft has its own exit code (3); a complete form exits 0
    expect(run.code).toBe(expected.status === 'draft' ? 3 : 0);
    const { rows, rowsScored, rowsMatchingDeclared, ...conclusions } = findings(run.out);
    expect(conclusions).toEqual({ status: expected.status, total: expected.total, maxTotal: expected.maxTotal, grade: expected.grade, pending: expected.pending, flags: expected.flags });
    expect({ rows, rowsScored, rowsMatchingDeclared }).toEqual(expected.report);
  });
});
