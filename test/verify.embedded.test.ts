import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { verifyPdf } from '../src/verify';
import { renderForms } from '../src/pipeline/render';
import { PROJECT, runCli, tempDir } from './helpers';

/**
 * The data a PDF embeds is what verify re-scores. Data whose texts no longer match their hashes, and data that
 * cannot be scored again (an actuals text the loader refuses), are each said, and the file is not 核验通过.
 */
jest.setTimeout(120_000);

const dir = tempDir('jixiao-verify-embedded-');
const at = (name: string): string => path.join(dir, name);

interface Embedded {
  inputs: { actuals: { name: string; text: string; sha256: string } };
  result: unknown;
}

function detached(file: string): Embedded {
  const out = at(`${path.basename(file)}.json`);
  execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
  return JSON.parse(readFileSync(out, 'utf8')) as Embedded;
}

/** The rendered form with its attachment replaced by `data` (the page untouched). */
async function withData(name: string, data: Embedded): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(at('form.pdf')), { updateMetadata: false });
  doc.catalog.delete(PDFName.of('Names'));
  doc.catalog.delete(PDFName.of('AF'));
  await doc.attach(Buffer.from(JSON.stringify(data)), 'jixiao-data.json', { mimeType: 'application/json' });
  writeFileSync(at(name), await doc.save({ useObjectStreams: false }));
  return at(name);
}

beforeAll(async () => {
  const [form] = await renderForms([PROJECT], { explain: false });
  writeFileSync(at('form.pdf'), form!.pdf!);
});

describe('verify of the embedded data', () => {
  it('the rendered form itself: hashes match, the re-score matches (the control case)', async () => {
    const report = await verifyPdf(at('form.pdf'), { allowUnsigned: true });
    expect([report.embedded.hashesMatch, report.embedded.rescoreMatches, report.intact]).toEqual([true, true, true]);
  });

  it('an actuals text changed without its hash: hashes do not match, not intact, the CLI says so (exit 1)', async () => {
    const data = detached(at('form.pdf'));
    // one declared score changed in the embedded actuals; its sha256 left as it was
    data.inputs.actuals.text = data.inputs.actuals.text.replace(/declaredScore: 10/, 'declaredScore: 9');
    const file = await withData('hash-mismatch.pdf', data);
    const report = await verifyPdf(file, { allowUnsigned: true });
    expect(report.embedded.hashesMatch).toBe(false);
    expect(report.intact).toBe(false);
    const run = await runCli('verify', file, '--allow-unsigned');
    expect(run.code).toBe(1);
    expect(run.out).toContain('哈希');
    expect(run.out).not.toContain('核验通过');
  });

  it('an actuals text that cannot be scored again (an unknown key), hash updated to match: the loader’s error is reported', async () => {
    const data = detached(at('form.pdf'));
    const text = data.inputs.actuals.text.replace('overallGoal:', 'overallGoal:\n  mood: 好');
    const { createHash } = await import('node:crypto');
    data.inputs.actuals = { ...data.inputs.actuals, text, sha256: createHash('sha256').update(text).digest('hex') };
    const file = await withData('not-rescorable.pdf', data);
    const report = await verifyPdf(file, { allowUnsigned: true });
    expect(report.embedded.problems.map((p) => p.code)).toContain('UNKNOWN_KEY');
    expect(report.intact).toBe(false);
    const run = await runCli('verify', file, '--allow-unsigned', '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out) as { ok: boolean; intact: boolean };
    expect([json.ok, json.intact]).toEqual([false, false]);
  });
});
