/**
 * Sign and verify timings for the example (median of several runs): npm run bench:sign -- [--runs 7]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { keygen } from '../src/pipeline';
import { verifyPdf } from '../src/verify';
import { renderForms } from '../src/pipeline/render';
import { signFile } from '../src/pipeline/sign';
import { arg, median } from './benchArgs';

async function main(): Promise<void> {
  const runs = Number(arg('runs', '7'));
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-sign-'));
  const at = (f: string): string => path.join(dir, f);
  // the seed's project form (its department form is a draft, which no one may sign)
  const [form] = await renderForms(['examples/zhuzhou-2020/project.actuals.yaml'], { explain: true });
  writeFileSync(at('form.pdf'), form!.pdf!);
  const ca = keygen({ commonName: '基准测试CA', password: 'x', ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  writeFileSync(at('ca.pem'), ca.pem);
  writeFileSync(
    at('a.p12'),
    keygen({ commonName: '基准填表人', password: 'x', issuer: { file: at('ca.p12'), password: 'x' } }).p12,
  );
  writeFileSync(
    at('b.p12'),
    keygen({ commonName: '基准负责人', password: 'x', issuer: { file: at('ca.p12'), password: 'x' } }).p12,
  );
  const first: number[] = [];
  const second: number[] = [];
  const verify: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const one = await signFile(at('form.pdf'), { p12: at('a.p12'), password: 'x', role: 'preparer' });
    first.push(performance.now() - t);
    writeFileSync(at('one.pdf'), one.pdf);
    t = performance.now();
    const two = await signFile(at('one.pdf'), { p12: at('b.p12'), password: 'x', role: 'head' });
    second.push(performance.now() - t);
    writeFileSync(at('two.pdf'), two.pdf);
    t = performance.now();
    const report = await verifyPdf(at('two.pdf'), { trust: [at('ca.pem')] });
    verify.push(performance.now() - t);
    if (!report.ok) throw new Error(JSON.stringify([...report.reasons, ...report.identityReasons]));
  }
  const say = (label: string, xs: number[]): boolean =>
    process.stdout.write(
      `${label}: median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${xs.length} runs)\n`,
    );
  process.stdout.write(
    `example: the seed's project form with --explain, ${(form!.pdf!.length / 1024).toFixed(0)} KiB\n`,
  );
  say('sign (填表人, first signature)', first);
  say('sign (单位负责人, second signature)', second);
  say('verify (2 signatures, chains to the root, revisions compared, page read, re-score)', verify);
}

void main();
