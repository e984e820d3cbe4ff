import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir, withPasswords } from './helpers';
import { onPath } from './outsidePrograms';

// The 复核报告 is signed as the forms are, in the reviewer roles: 复核人, then 复核负责人; verify checks it.

jest.setTimeout(180_000);

const PASSWORD = 'review-report-test';
const dir = tempDir('jixiao-review-report-');
const at = (...p: string[]): string => path.join(dir, ...p);
const report = at('review', '复核报告.pdf');

async function cli(...argv: string[]) {
  return withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));
}

beforeAll(async () => {
  const run = await cli('review', path.join(ROOT, 'examples'), '-o', at('review'), '--sample', '50%', '--seed', '3');
  if (run.code !== 0) throw new Error(run.err);
  await cli('keygen', '--ca', '--cn', '复核测试根证书', '-o', at('ca.p12'), '--cert-out', at('ca.pem'));
  for (const [name, cn] of [
    ['checker', '张复核'],
    ['lead', '李组长'],
  ] as const)
    await cli('keygen', '--cn', cn, '--issuer', at('ca.p12'), '-o', at(`${name}.p12`));
});

describe('the 复核报告 signed in the reviewer roles', () => {
  test('复核负责人 before 复核人 is refused, and a form role has no box on it', async () => {
    const early = await cli('sign', report, '--p12', at('lead.p12'), '--role', '复核负责人', '-o', at('early.pdf'));
    expect(early.code).toBe(1);
    expect(early.err).toContain('REVIEW_ROLE_OUT_OF_ORDER');
    const form = await cli('sign', report, '--p12', at('checker.p12'), '--role', '填表人', '-o', at('form.pdf'));
    expect(form.code).toBe(1);
    expect(form.err).toContain('NO_SIGNATURE_BOX');
  });

  test('复核人 then 复核负责人: verify passes with the trusted root, pdfsig finds both signatures valid', async () => {
    expect((await cli('sign', report, '--p12', at('checker.p12'), '--role', '复核人', '-o', at('s1.pdf'))).code).toBe(
      0,
    );
    const half = await cli('verify', at('s1.pdf'), '--trust', at('ca.pem'));
    expect(half.code).toBe(1);
    expect(half.out).toContain('复核负责人');
    expect(
      (await cli('sign', at('s1.pdf'), '--p12', at('lead.p12'), '--role', 'checkLead', '-o', at('s2.pdf'))).code,
    ).toBe(0);
    const verified = await cli('verify', at('s2.pdf'), '--trust', at('ca.pem'));
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('内嵌数据：复核报告');
    expect(verified.out).toContain('复核人与复核负责人按次序签署');
    const json = JSON.parse((await cli('verify', at('s2.pdf'), '--trust', at('ca.pem'), '--json')).out) as {
      kind: string;
      roles: { signed: string[]; missing: string[] };
      embedded: { hashesMatch: boolean };
    };
    expect(json).toMatchObject({ kind: 'review', roles: { signed: ['checker', 'checkLead'], missing: [] } });
    expect(json.embedded.hashesMatch).toBe(true);
    if (onPath('pdfsig')) {
      const sig = execFileSync('pdfsig', [at('s2.pdf')], { encoding: 'utf8' });
      expect(sig.match(/Signature is Valid/g)).toHaveLength(2);
      expect(sig).toContain('jixiao-checkLead');
    }
  });

  test('one certificate cannot sign both roles; a byte changed after signing fails verify', async () => {
    const twice = await cli(
      'sign',
      at('s1.pdf'),
      '--p12',
      at('checker.p12'),
      '--role',
      '复核负责人',
      '-o',
      at('x.pdf'),
    );
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('CERT_TWO_ROLES');
    // a byte of the first revision (the report's own page content), covered by both signatures
    const tampered = Buffer.from(readFileSync(at('s2.pdf')));
    const at40 = Math.floor(tampered.length / 3);
    tampered[at40] = (tampered[at40] ?? 0) ^ 1;
    writeFileSync(at('tampered.pdf'), tampered);
    const run = await cli('verify', at('tampered.pdf'), '--trust', at('ca.pem'));
    expect(run.code).toBe(1);
    expect(run.out).not.toContain('核验通过');
  });
});
