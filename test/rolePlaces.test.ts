import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SignRole } from '../src/domain/glossary';
import { keygen } from '../src/pipeline';
import { signPdf } from '../src/sign/sign';
import { verifyPdf } from '../src/verify';
import { CLEAN, runCli, tempDir } from './helpers';
import { onPath } from './outsidePrograms';

// Roles by what a reader sees, not by a field's name alone: a signature in a field named as any other tool names
// it takes the role of the printed box it sits in (or none), and one named for a role must sit in that role's box.
// Each attack is a file built here by an adversary's signer (jixiao's own, told to name or place the field another
// way and to skip the role rules); pdfsig is run on each for comparison.

jest.setTimeout(120_000);

const PASSWORD = 'role-places';
const dir = tempDir('jixiao-role-places-');
const at = (...p: string[]): string => path.join(dir, ...p);

beforeAll(async () => {
  expect((await runCli('render', CLEAN, '-o', at('form.pdf'))).code).toBe(0);
  const ca = keygen({ commonName: '角色位置测试根证书', password: PASSWORD, ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  writeFileSync(at('ca.pem'), ca.pem);
  for (const [file, name] of [
    ['preparer', '演示填表人'],
    ['head', '演示负责人'],
  ] as const)
    writeFileSync(
      at(`${file}.p12`),
      keygen({ commonName: name, password: PASSWORD, issuer: { file: at('ca.p12'), password: PASSWORD } }).p12,
    );
});

/** Signs as an adversary's tool would: the field named or placed its own way, no role rule applied. */
async function signForeign(
  input: string,
  output: string,
  key: string,
  role: SignRole,
  field: { name?: string; boxOf?: SignRole },
): Promise<string> {
  const { pdf } = await signPdf({
    pdf: readFileSync(input),
    file: input,
    p12: readFileSync(at(`${key}.p12`)),
    p12File: `${key}.p12`,
    password: PASSWORD,
    role,
    foreignField: field,
  });
  writeFileSync(output, pdf);
  return output;
}

const pdfsigSays = (file: string): string =>
  onPath('pdfsig') ? spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout : '';

describe('roles by position', () => {
  test('"Signature1-head" in the head\'s box, the only signature: it is the head\'s, signing before the preparer — refused', async () => {
    const file = await signForeign(at('form.pdf'), at('head-only.pdf'), 'head', 'head', { name: 'Signature1-head' });
    const report = await verifyPdf(file, { trust: [at('ca.pem')] });
    expect(report.signatures.map((s) => s.role)).toEqual(['head']);
    expect(report.ok).toBe(false);
    expect(report.embedded.problems.map((p) => p.code)).toContain('ROLE_OUT_OF_ORDER');
    expect(pdfsigSays(file)).toMatch(/Signature Field Name: Signature1-head|^$/);
  });

  test("a field of any name in the preparer's box signs for the preparer, as a reader sees it", async () => {
    const file = await signForeign(at('form.pdf'), at('preparer-any-name.pdf'), 'preparer', 'preparer', {
      name: 'Signature1',
    });
    const report = await verifyPdf(file, { trust: [at('ca.pem')], requiredRoles: ['preparer'] });
    expect(report.signatures.map((s) => [s.role, s.valid])).toEqual([['preparer', true]]);
    expect(report.ok).toBe(true);
  });

  test("named jixiao-preparer but drawn in the head's box: refused, whatever its name says", async () => {
    const file = await signForeign(at('form.pdf'), at('preparer-in-head-box.pdf'), 'preparer', 'preparer', {
      boxOf: 'head',
    });
    const report = await verifyPdf(file, { trust: [at('ca.pem')], requiredRoles: ['preparer'] });
    expect(report.ok).toBe(false);
    expect(report.reasons.map((r) => r.text)).toContain('verify.reason.roleOutsideBox');
    const run = await runCli('verify', file, '--trust', at('ca.pem'), '--roles', '填表人');
    expect(run.code).toBe(1);
    expect(run.out).toContain('却不在「填表人」的签署框里');
    expect(pdfsigSays(file)).toMatch(/Signature is Valid|^$/);
  });
});
