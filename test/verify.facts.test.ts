import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { factDifferences, scoringFacts } from '../src/report/scoringFacts';
import { readEmbeddedData } from '../src/pdfdoc/pdfRead';
import { ROOT, runCli } from './helpers';

/**
 * A form signed in all four roles by jixiao 0.1.0 as it stood on 2026-12-07 (commit 3450b4e), kept as it was made.
 * Verify compares the scoring facts of its embedded result with a re-score now, never the display JSON: the output's
 * wording and shape for people may change, and every form signed before must still verify.
 */
const FIXTURE = path.join(ROOT, 'test/fixtures/signed-v0.1');
const SIGNED = path.join(FIXTURE, 'project.signed.pdf');

async function embeddedResult(): Promise<Record<string, unknown>> {
  const doc = await PDFDocument.load(readFileSync(SIGNED), { updateMetadata: false });
  return readEmbeddedData(doc, SIGNED).data.result as Record<string, unknown>;
}

test('a form signed by an earlier version still verifies: exit 0, 核验通过, the re-score the same', async () => {
  const run = await runCli('verify', SIGNED, '--trust', path.join(FIXTURE, 'ca.pem'));
  expect(run.err).toBe('');
  expect(run.out).toContain('表上总分 95（优）；按内嵌规则集重新评分 95：一致');
  expect(run.out).toContain('4 个角色均已签署');
  expect(run.out).toContain('核验通过');
  expect(run.code).toBe(0);
});

describe('the facts compared are the scores, not their wording', () => {
  test('display fields renamed, messages and 计算过程 reworded: no difference', async () => {
    const result = await embeddedResult();
    const indicators = result.indicators as Record<string, unknown>[];
    const reworded = {
      ...result,
      heading: result.title,
      title: undefined,
      warnings: [],
      indicators: indicators.map(({ explanation: _e, flags: _f, name, ...row }) => ({
        ...row,
        rowName: name,
        process: '另一种措辞',
        flags: [],
      })),
    };
    expect(factDifferences(reworded, result)).toEqual([]);
  });

  test('a changed total, a row score or a grade is a difference, named', async () => {
    const result = await embeddedResult();
    const indicators = result.indicators as Record<string, unknown>[];
    expect(factDifferences({ ...result, total: '100' }, result)).toEqual(['total']);
    const [first, ...rest] = indicators;
    expect(factDifferences({ ...result, indicators: [{ ...first, finalScore: '0' }, ...rest] }, result)).toEqual([
      'indicators',
    ]);
    expect(factDifferences({ ...result, grade: { id: 'good', label: '良' } }, result)).toEqual(['grade']);
  });

  test("the facts read from the fixture are the form's: 95, 优, every row with its method and score", async () => {
    const facts = scoringFacts(await embeddedResult());
    expect(facts).toMatchObject({ status: 'complete', total: '95', grade: 'excellent' });
    const rows = facts.indicators as { id: string; method: string | null; finalScore: string }[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows)
      expect(row).toEqual(
        expect.objectContaining({ id: expect.any(String), finalScore: expect.stringMatching(/^\d+(\.\d+)?$/) }),
      );
  });
});
