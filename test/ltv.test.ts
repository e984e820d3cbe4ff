import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTestP12 } from '../src/sign/keygen';
import { signPdf } from '../src/sign/sign';
import { verifyPdf } from '../src/verify';
import { CLEAN, runCli, tempDir, until, withPasswords } from './helpers';
import { makeKeys } from './cliKeys';
import { onPath } from './outsidePrograms';
import { startTestTsa, type TestTsa } from './testTsa';

// Long-term validation (PAdES B-LT / B-LTA): `jixiao ltv` puts the chains and CRLs in the file (/DSS) and adds a
// document timestamp over it all. A signer's certificate that expires seconds after signing — as every
// certificate will in ten years — still verifies, offline, from what the file holds.

jest.setTimeout(120_000);

const PASSWORD = 'ltv-test';
const dir = tempDir('jixiao-ltv-');
const at = (...p: string[]): string => path.join(dir, ...p);
const cli = (...argv: string[]) =>
  withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));

let tsa: TestTsa;
let expiresAt = new Date();
const trust = (): string[] => ['--trust', at('ca.pem'), '--trust', tsa.root];

beforeAll(async () => {
  tsa = await startTestTsa(dir);
  await makeKeys(cli, [
    { ca: true, cn: '长期验证测试CA', p12: at('ca.p12'), pem: at('ca.pem') },
    ...['head', 'bystander'].map((who) => ({
      cn: `长期验证${who}`,
      issuer: at('ca.p12'),
      p12: at(`${who}.p12`),
      pem: at(`${who}.pem`),
    })),
  ]);
  expect((await cli('render', CLEAN, '-o', at('form.pdf'))).code).toBe(0);
  // the preparer's certificate expires seconds after it signs
  expiresAt = new Date(Date.now() + 20_000);
  const p12 = makeTestP12(
    {
      commonName: '长期验证填表人',
      issuer: { p12: readFileSync(at('ca.p12')), password: PASSWORD, file: at('ca.p12') },
      notAfter: expiresAt,
    },
    PASSWORD,
  );
  writeFileSync(at('short.p12'), p12);
  expect(
    (await cli('sign', at('form.pdf'), '--p12', at('short.p12'), '--role', '填表人', '-o', at('signed.pdf'))).code,
  ).toBe(0);
  // the CA's revocation list (it revoked someone else): the evidence that the preparer was not revoked
  expect(
    (await cli('keygen', '--revoke', at('bystander.pem'), '--issuer', at('ca.p12'), '-o', at('ca.crl'))).code,
  ).toBe(0);
});

afterAll(() => tsa.close());

test('ltv adds the chain and the CRL to /DSS and a document timestamp; verify shows it and pdfsig accepts the file', async () => {
  const run = await cli('ltv', at('signed.pdf'), '--tsa', tsa.url, '--crl', at('ca.crl'), '-o', at('ltv.pdf'));
  expect(run.code).toBe(0);
  expect(run.err).toMatch(/已写入长期验证数据：2 张证书、1 个吊销列表，文档时间戳 \d{4}-\d\d-\d\d/);
  const verified = await cli('verify', at('ltv.pdf'), ...trust(), '--roles', '填表人');
  expect(verified.code).toBe(0);
  expect(verified.out).toMatch(/文档时间戳 #1：.*由「jixiao test TSA」证明整个文件/);
  const report = await verifyPdf(at('ltv.pdf'), { trust: [at('ca.pem'), tsa.root], requiredRoles: ['preparer'] });
  expect(report.timestamps.map((t) => [t.valid, t.trusted])).toEqual([[true, true]]);
  expect(report.unsignedBytesAfterLast).toBe(0);
  if (onPath('pdfsig')) {
    const sig = spawnSync('pdfsig', [at('ltv.pdf')], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature is Valid');
    expect((sig.match(/^Signature #\d+/gm) ?? []).length).toBe(2);
  }
  // ltv again (a renewal): the store keeps what it had and adds nothing twice — only the first timestamp's TSA
  // chain (its certificate and root) is new; both timestamps hold
  const again = await cli('ltv', at('ltv.pdf'), '--tsa', tsa.url, '--crl', at('ca.crl'), '-o', at('ltv2.pdf'));
  expect(again.err).toMatch(/已写入长期验证数据：2 张证书、0 个吊销列表/);
  const twice = await verifyPdf(at('ltv2.pdf'), { trust: [at('ca.pem'), tsa.root], requiredRoles: ['preparer'] });
  expect(twice.timestamps.map((t) => [t.valid, t.trusted])).toEqual([
    [true, true],
    [true, true],
  ]);
  expect(twice.reasons).toEqual([]);
  // an LTV form asks nothing of anyone not holding it: without --tsa or JIXIAO_TSA, ltv says what it needs
  const none = await cli('ltv', at('signed.pdf'), '-o', at('none.pdf'));
  expect(none.code).toBe(1);
  expect(none.err).toContain('--tsa');
  const unsigned = await cli('ltv', at('form.pdf'), '--tsa', tsa.url, '-o', at('none.pdf'));
  expect(unsigned.code).toBe(1);
  expect(unsigned.err).toContain('LTV_UNSIGNED');
});

test('after the certificate expires: the LTV form verifies offline (no --crl, no network); the bare form does not', async () => {
  await until(() => Date.now() > expiresAt.getTime() + 1_000, 30_000);
  const bare = await cli('verify', at('signed.pdf'), '--trust', at('ca.pem'), '--roles', '填表人');
  expect(bare.code).toBe(4);
  expect(bare.out).toMatch(/证书「长期验证填表人」已于 \d{4}-\d\d-\d\d 过期/);
  const ltv = await cli('verify', at('ltv.pdf'), ...trust(), '--roles', '填表人');
  expect(ltv.code).toBe(0);
  expect(ltv.out).toContain('核验通过');
});

test('the next signer signs after ltv; the validation data between signatures is allowed; bytes appended after the timestamp are not', async () => {
  copyFileSync(at('ltv.pdf'), at('then-head.pdf'));
  const signed = await signPdf({
    pdf: readFileSync(at('then-head.pdf')),
    file: 'then-head.pdf',
    p12: readFileSync(at('head.p12')),
    p12File: 'head.p12',
    password: PASSWORD,
    role: 'head',
  });
  writeFileSync(at('then-head.pdf'), signed.pdf);
  const both = await verifyPdf(at('then-head.pdf'), {
    trust: [at('ca.pem'), tsa.root],
    requiredRoles: ['preparer', 'head'],
  });
  expect(both.reasons).toEqual([]);
  expect(both.ok).toBe(true);
  // bytes appended after the document timestamp are an unsigned change like any other
  copyFileSync(at('ltv.pdf'), at('appended.pdf'));
  appendFileSync(at('appended.pdf'), '\n% appended\n');
  const appended = await cli('verify', at('appended.pdf'), ...trust(), '--roles', '填表人');
  expect(appended.code).toBe(1);
  expect(appended.out).toMatch(/最后一个签名之后还有 \d+ 字节未签名的内容/);
});

test('a CRL carried only in the file revokes: a signer revoked before signing fails offline, with the date', async () => {
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  expect(
    (
      await cli(
        'keygen',
        '--revoke',
        at('head.pem'),
        '--issuer',
        at('ca.p12'),
        '--revoked-at',
        hourAgo,
        '-o',
        at('head.crl'),
      )
    ).code,
  ).toBe(0);
  expect(
    (
      await cli(
        'sign',
        at('form.pdf'),
        '--p12',
        at('head.p12'),
        '--role',
        '填表人',
        '--allow-name-mismatch',
        '-o',
        at('r.pdf'),
      )
    ).code,
  ).toBe(0);
  expect((await cli('ltv', at('r.pdf'), '--tsa', tsa.url, '--crl', at('head.crl'))).code).toBe(0);
  const run = await cli('verify', at('r.pdf'), ...trust(), '--roles', '填表人', '--allow-name-mismatch');
  expect(run.code).toBe(1);
  expect(run.out).toMatch(/证书「长期验证head」已于 .* 被吊销，早于签署时间/);
});
