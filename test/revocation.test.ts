import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { readIdentity } from '../src/sign/keys';
import { issueRevocationList, revocationListPem } from '../src/sign/revocation';
import { CLEAN, runCli, tempDir, withPasswords } from './helpers';
import { makeKeys } from './cliKeys';
import { onPath } from './outsidePrograms';

// Revocation by CRL (RFC 5280 §5): the test CA revokes with `jixiao keygen --revoke`; verify --crl (a file or an
// address) holds each signer's path against it. Revoked before the signing time: the signature fails, with the
// date. Revoked after it: the signature made while the key was good stands. openssl reads the same CRL.

jest.setTimeout(120_000);

const PASSWORD = 'revocation-test';
const dir = tempDir('jixiao-revocation-');
const at = (...p: string[]): string => path.join(dir, ...p);
const cli = (...argv: string[]) =>
  withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));

let server: Server;
let base = '';

beforeAll(async () => {
  await makeKeys(cli, [
    { ca: true, cn: '吊销测试CA', p12: at('ca.p12'), pem: at('ca.pem') },
    { ca: true, cn: '另一个CA', p12: at('other-ca.p12') },
    { cn: '另一个CA的签署人', issuer: at('other-ca.p12'), p12: at('third.p12'), pem: at('third.pem') },
    ...['signer', 'other'].map((who) => ({
      cn: `吊销测试${who}`,
      issuer: at('ca.p12'),
      p12: at(`${who}.p12`),
      pem: at(`${who}.pem`),
    })),
  ]);
  expect((await cli('render', CLEAN, '-o', at('form.pdf'))).code).toBe(0);
  expect(
    (await cli('sign', at('form.pdf'), '--p12', at('signer.p12'), '--role', '填表人', '-o', at('signed.pdf'))).code,
  ).toBe(0);
  // a CRL served on loopback, for --crl given as an address
  server = createServer((request, response) => {
    const file = at(path.basename(request.url ?? ''));
    try {
      response.end(readFileSync(file));
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const verify = (...crl: string[]) =>
  cli('verify', at('signed.pdf'), '--trust', at('ca.pem'), '--roles', '填表人', ...crl.flatMap((c) => ['--crl', c]));

test('before any revocation the form verifies, with the CRL or without', async () => {
  expect(
    (await cli('keygen', '--revoke', at('other.pem'), '--issuer', at('ca.p12'), '-o', at('other-only.crl'))).code,
  ).toBe(0);
  const run = await verify(at('other-only.crl'));
  expect(run.code).toBe(0);
  expect(run.out).toContain('核验通过');
});

test('a signer revoked an hour before the signing time fails, with the revocation date; openssl agrees', async () => {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const made = await cli(
    'keygen',
    '--revoke',
    at('signer.pem'),
    '--issuer',
    at('ca.p12'),
    '--crl',
    at('other-only.crl'),
    '--revoked-at',
    hourAgo.toISOString(),
    '-o',
    at('early.crl'),
  );
  expect(made.code).toBe(0);
  expect(made.err).toContain('已吊销「吊销测试signer」');
  for (const source of [at('early.crl'), `${base}/early.crl`]) {
    const run = await verify(source);
    expect(run.code).toBe(1);
    expect(`${run.out}${run.err}`).toMatch(
      /证书「吊销测试signer」已于 \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?.* 被吊销，早于签署时间/,
    );
    expect(run.out).not.toContain('核验通过');
  }
  if (onPath('openssl')) {
    // the same CRL, read by openssl: both revoked serials listed, and the signer's certificate refused against it
    const listing = execFileSync('openssl', ['crl', '-in', at('early.crl'), '-noout', '-text'], { encoding: 'utf8' });
    expect((listing.match(/Serial Number:/g) ?? []).length).toBe(2);
    const check = spawnSync(
      'openssl',
      ['verify', '-crl_check', '-CAfile', at('ca.pem'), '-CRLfile', at('early.crl'), at('signer.pem')],
      {
        encoding: 'utf8',
      },
    );
    expect(`${check.stdout}${check.stderr}`).toMatch(/certificate revoked/);
  }
});

test('revoked after the signing time: the signature made while the key was good stands', async () => {
  const later = new Date(Date.now() + 60_000);
  expect(
    (
      await cli(
        'keygen',
        '--revoke',
        at('signer.pem'),
        '--issuer',
        at('ca.p12'),
        '--revoked-at',
        later.toISOString(),
        '-o',
        at('late.crl'),
      )
    ).code,
  ).toBe(0);
  const run = await verify(at('late.crl'));
  expect(run.code).toBe(0);
});

test("a CRL another CA signed under this CA's name is no evidence; bad sources are refused, naming them", async () => {
  // revoke with the other CA: its list names the other CA, so it cannot revoke this CA's certificate
  expect((await cli('keygen', '--revoke', at('signer.pem'), '--issuer', at('ca.p12'), '-o', at('mine.crl'))).code).toBe(
    0,
  );
  const foreign = await cli('keygen', '--revoke', at('signer.pem'), '--issuer', at('other-ca.p12'), '-o', at('x.crl'));
  expect(foreign.code).toBe(1);
  expect(foreign.err).toContain('REVOKE_NOT_ISSUED');
  const extend = await cli(
    'keygen',
    '--revoke',
    at('third.pem'),
    '--issuer',
    at('other-ca.p12'),
    '--crl',
    at('mine.crl'),
    '-o',
    at('y.crl'),
  );
  expect(extend.code).toBe(1);
  expect(extend.err).toContain('CRL_OTHER_ISSUER');
  // a CA of the very same name but another key lists the signer as revoked: its list is not the issuer's
  expect((await cli('keygen', '--ca', '--cn', '吊销测试CA', '-o', at('same-name-ca.p12'))).code).toBe(0);
  const impostor = readIdentity(readFileSync(at('same-name-ca.p12')), PASSWORD, 'same-name-ca.p12');
  const signer = new X509Certificate(readFileSync(at('signer.pem')));
  const forged = issueRevocationList(new X509Certificate(impostor.certificateDer), impostor.privateKey, [
    { serialNumber: signer.serialNumber, at: new Date(Date.now() - 3_600_000) },
  ]);
  writeFileSync(at('forged.crl'), revocationListPem(forged));
  expect((await verify(at('forged.crl'))).code).toBe(0);
  writeFileSync(at('garbage.crl'), 'not a CRL');
  const garbage = await verify(at('garbage.crl'));
  expect(garbage.code).toBe(1);
  expect(garbage.err).toContain('CRL_UNREADABLE');
  const missing = await verify(`${base}/missing.crl`);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/CRL_UNREACHABLE.*HTTP 404/s);
  const noCn = await cli('keygen', '-o', at('z.p12'));
  expect(noCn.code).toBe(1);
  expect(noCn.err).toContain('--cn');
});

test('verify over many files reads each CRL once: an address that cannot be had stops the run once, a revoked signer fails its row', async () => {
  copyFileSync(at('signed.pdf'), at('signed-copy.pdf'));
  const files = [at('signed.pdf'), at('signed-copy.pdf')];
  const unreachable = await cli('verify', ...files, '--trust', at('ca.pem'), '--crl', `${base}/gone.crl`);
  expect(unreachable.code).toBe(1);
  expect((`${unreachable.out}${unreachable.err}`.match(/CRL_UNREACHABLE/g) ?? []).length).toBe(1);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  const made = await cli(
    'keygen',
    '--revoke',
    at('signer.pem'),
    '--issuer',
    at('ca.p12'),
    '--revoked-at',
    hourAgo,
    '-o',
    at('many.crl'),
  );
  expect(made.code).toBe(0);
  const revoked = await cli(
    'verify',
    ...files,
    '--trust',
    at('ca.pem'),
    '--roles',
    '填表人',
    '--crl',
    `${base}/many.crl`,
  );
  expect(revoked.code).toBe(1);
  expect(revoked.out).toContain('共 2 份：核验通过 0 份，待签 0 份，身份未核实 0 份，不通过 2 份');
  expect((revoked.out.match(/被吊销，早于签署时间/g) ?? []).length).toBe(2);
});
