import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { runCli, tempDir, withPasswords, CLEAN } from './helpers';
import { onPath } from './outsidePrograms';
import { certificatePem, makeTestP12, type KeygenOptions } from '../src/sign/keygen';
import { checkTrust } from '../src/sign/trust';
import { confirmPaths } from '../src/sign/chainEngine';
import { checkSignatures } from '../src/sign/verify';
import { loadPdf, signatureFields } from '../src/pdfdoc/pdfRead';

// Certificate paths as RFC 5280 asks, beyond signatures and dates: a CA's path length constraint, a critical
// extension nobody knows, and a certificate made for TLS rather than for signing documents. Each attack is a
// certificate (and a form signed with it) built here; verify refuses it with its reason; pdfsig is run on it too.

jest.setTimeout(120_000);

const PASSWORD = 'certificate-paths';
const dir = tempDir('jixiao-certificate-paths-');
const at = (...p: string[]): string => path.join(dir, ...p);

/** A test certificate made by the same code as `jixiao keygen`, written as a .p12, with its X.509 certificate. */
function issue(
  name: string,
  options: Omit<KeygenOptions, 'issuer'>,
  issuer?: string,
): { file: string; cert: X509Certificate } {
  const p12 = makeTestP12(
    { ...options, ...(issuer ? { issuer: { p12: readFileSync(issuer), password: PASSWORD, file: issuer } } : {}) },
    PASSWORD,
  );
  const file = at(`${name}.p12`);
  writeFileSync(file, p12);
  return { file, cert: new X509Certificate(certificatePem(p12, PASSWORD, file)) };
}

const root = issue('root', { commonName: '路径测试根证书', ca: true });
const strictCa = issue('strict-ca', { commonName: '只许签发终端证书的中间CA', ca: true, pathLength: 0 }, root.file);
const subCa = issue('sub-ca', { commonName: '越级的下级CA', ca: true }, strictCa.file);
const throughSub = issue('through-sub', { commonName: '演示填表人' }, subCa.file);
const critical = issue('critical', { commonName: '演示填表人', unknownCriticalExtension: '1.2.3.4.5.6.7' }, root.file);
const tls = issue('tls', { commonName: '演示填表人', purpose: 'serverAuth' }, root.file);
const good = issue('good', { commonName: '演示填表人' }, strictCa.file);

const problemsOf = (leaf: X509Certificate, carried: X509Certificate[]): string[] =>
  checkTrust(leaf, carried, [root.cert], new Date()).problems.map((p) => p.text);

describe('certificate paths by RFC 5280', () => {
  test('a CA with path length 0 may issue signers, not another CA', () => {
    expect(problemsOf(good.cert, [strictCa.cert])).toEqual([]);
    expect(problemsOf(throughSub.cert, [subCa.cert, strictCa.cert])).toEqual(['verify.problem.pathLength']);
  });

  test('an unknown critical extension is refused; a TLS-only certificate is not a signer', () => {
    expect(problemsOf(critical.cert, [])).toEqual(['verify.problem.criticalExtension']);
    expect(problemsOf(tls.cert, [])).toEqual(['verify.problem.extendedKeyUsage']);
  });

  test('each, signing a form, fails verify with its reason (exit not 0); pdfsig is shown the same files', async () => {
    const pem = at('root.pem');
    writeFileSync(pem, root.cert.toString());
    const cli = (...argv: string[]) => withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD }, () => runCli(...argv));
    expect((await cli('render', CLEAN, '-o', at('form.pdf'))).code).toBe(0);
    for (const [name, reason] of [
      ['through-sub', /最多 0 级中间 CA/],
      ['critical', /关键扩展 1\.2\.3\.4\.5\.6\.7/],
      ['tls', /扩展用途.*不含文档签名/],
    ] as const) {
      const signed = at(`${name}.pdf`);
      const sign = await cli('sign', at('form.pdf'), '--p12', at(`${name}.p12`), '--role', '填表人', '-o', signed);
      expect([name, sign.code]).toEqual([name, 0]);
      const verify = await cli('verify', signed, '--trust', pem, '--roles', '填表人');
      expect([name, verify.code]).toEqual([name, 4]);
      expect(verify.out).toMatch(reason);
      expect(verify.out).not.toContain('核验通过');
      if (onPath('pdfsig')) {
        // pdfsig checks the signature and, without an NSS database holding the root, cannot judge the path at all
        const sig = execFileSync('pdfsig', [signed], { encoding: 'utf8' });
        expect(sig).toContain('Signature is Valid');
      }
    }
  });
});

test("pkijs's RFC 5280 engine has the last word on a path: a path it cannot validate is not trusted, whatever came before", async () => {
  const signed = at('good-signed.pdf');
  const pem = at('root-for-engine.pem');
  writeFileSync(pem, root.cert.toString());
  const cli = (...argv: string[]) => withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD }, () => runCli(...argv));
  expect((await cli('render', CLEAN, '-o', at('engine-form.pdf'))).code).toBe(0);
  expect((await cli('sign', at('engine-form.pdf'), '--p12', good.file, '--role', '填表人', '-o', signed)).code).toBe(0);
  const pdf = readFileSync(signed);
  const fields = signatureFields(await loadPdf(pdf, signed));
  const [check] = checkSignatures(
    pdf,
    fields.flatMap((f) => (f.byteRange ? [f.byteRange] : [])),
    { anchors: [root.cert] },
  );
  if (!check) throw new Error('no signature');
  expect(check.trust.trusted).toBe(true);
  // the engine, given the same path, agrees
  await confirmPaths([check], [root.cert], []);
  expect(check.trust.trusted).toBe(true);
  // asked to reach another root, it cannot: the verdict becomes untrusted, with the engine's reason
  await confirmPaths([check], [issue('elsewhere', { commonName: '别处的根', ca: true }).cert], []);
  expect(check.trust.trusted).toBe(false);
  expect(check.trust.problems.map((p) => p.text)).toContain('verify.problem.chainEngine');
});
