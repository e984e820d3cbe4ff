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
  // the four roles as the demo signs them, each certificate named as the form prints the role
  const signers = [
    ['preparer', '演示填表人'],
    ['reviewer', '演示审核人'],
    ['head', '演示负责人'],
    ['seal', '株洲市人民政府办公室'],
  ] as const;
  for (const [role, name] of signers)
    writeFileSync(
      at(`${role}.p12`),
      keygen({ commonName: name, password: 'x', issuer: { file: at('ca.p12'), password: 'x' } }).p12,
    );
  const first: number[] = [];
  const later: number[] = [];
  const verify: number[] = [];
  for (let i = 0; i < runs; i++) {
    let input = at('form.pdf');
    for (const [role] of signers) {
      const t = performance.now();
      const signed = await signFile(input, { p12: at(`${role}.p12`), password: 'x', role });
      (role === 'preparer' ? first : later).push(performance.now() - t);
      input = at(`${role}.signed.pdf`);
      writeFileSync(input, signed.pdf);
    }
    const t = performance.now();
    const report = await verifyPdf(input, { trust: [at('ca.pem')] });
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
  say('sign (审核人, 单位负责人, 单位盖章: each a later signature)', later);
  say(
    'verify (4 signatures: chains to the root and pkijs path validation, revisions compared as a viewer reads them, page read, re-score)',
    verify,
  );
}

void main();
