/**
 * Writes a synthetic year of forms: npm run gen:forms -- --count 10000 --out dir/ [--rows 20]
 * Each form is a definitions file and an actuals file; see scripts/generate.ts for what is drawn.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateForm } from './generate';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const count = Number(arg('count') ?? '100');
const out = arg('out') ?? 'out/forms';
const rows = arg('rows') === undefined ? undefined : Number(arg('rows'));
mkdirSync(out, { recursive: true });
for (let i = 0; i < count; i++) {
  const form = generateForm(i, rows);
  writeFileSync(path.join(out, `${form.name}.indicators.yaml`), form.definitions);
  writeFileSync(path.join(out, `${form.name}.actuals.yaml`), form.actuals);
}
process.stdout.write(`${count} forms written to ${out}\n`);
