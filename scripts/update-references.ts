/**
 * Refreshes the visual-regression references on purpose: renders page 1 of each example and saves it as
 * test/reference/<name>-p1.png. Run `npm run refs:update`, look at the pictures, and commit them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderForms } from '../src/pipeline/render';
import { REFERENCE_DPI, REFERENCE_FORMS } from '../test/references';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-refs-'));
  const rendered = await renderForms(
    REFERENCE_FORMS.map((f) => f.actuals),
    { explain: true },
  );
  for (const [i, form] of rendered.entries()) {
    const ref = REFERENCE_FORMS[i]!;
    if (!form.pdf) throw new Error(`${form.file} did not render`);
    const pdf = path.join(dir, `${ref.name}.pdf`);
    writeFileSync(pdf, form.pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(REFERENCE_DPI),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(dir, ref.name),
    ]);
    copyFileSync(path.join(dir, `${ref.name}.png`), ref.png);
    process.stdout.write(`${ref.png}\n`);
  }
}

void main();
