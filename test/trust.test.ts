import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderForms } from '../src/pipeline/render';
import { keygen } from '../src/pipeline';
import { verifyPdf } from '../src/verify';
import { signFile } from '../src/pipeline/sign';
import { signPdf } from '../src/sign/sign';
import { makeTestP12 } from '../src/sign/keygen';
import { PROJECT, ROOT, runCli, tempDir } from './helpers';

/** legit.pdf is signed by the 填表人 and the 单位负责人 only: checks of it name the roles they require. */
const LEGIT_ROLES = ['--roles', '填表人,单位负责人'];

// Who signed: `verify` says 核验通过 only when every signer's certificate leads to a root the reader trusts.
// Each attack below signs a form that is intact byte for byte; only the signer's identity is false.

jest.setTimeout(120_000);

const dir = tempDir('jixiao-trust-');
const at = (f: string): string => path.join(dir, f);
const PASSWORD = 'trust-test';
const CA_NAME = 'jixiao 测试根证书';

async function signAs(
  p12: string,
  role: 'preparer' | 'reviewer' | 'head',
  input: string,
  output: string,
  password = PASSWORD,
): Promise<void> {
  const { pdf } = await signFile(input, { p12, password, role });
  writeFileSync(output, pdf);
}

/** The SHA-256 fingerprint of a PEM certificate as openssl prints it (AB:CD:…). */
const opensslFingerprint = (pem: string): string =>
  execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', pem], { encoding: 'utf8' })
    .trim()
    .replace(/^.*=/, '');

beforeAll(async () => {
  const [form] = await renderForms([PROJECT], { explain: false });
  writeFileSync(at('unsigned.pdf'), form!.pdf!);
  const ca = keygen({ commonName: CA_NAME, password: PASSWORD, ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  writeFileSync(at('ca.pem'), ca.pem);
  for (const [role, cn] of [
    ['preparer', '测试填表人甲'],
    ['head', '测试负责人丙'],
  ] as const) {
    const signer = keygen({ commonName: cn, password: PASSWORD, issuer: { file: at('ca.p12'), password: PASSWORD } });
    writeFileSync(at(`${role}.p12`), signer.p12);
    writeFileSync(at(`${role}.pem`), signer.pem);
  }
  await signAs(at('preparer.p12'), 'preparer', at('unsigned.pdf'), at('one.pdf'));
  await signAs(at('head.p12'), 'head', at('one.pdf'), at('legit.pdf'));
});

describe('a legitimate chain', () => {
  test('with --trust the root: 核验通过, exit 0, each signer with its SHA-256 fingerprint (as openssl gives it), chain and test mark', async () => {
    const run = await runCli('verify', at('legit.pdf'), ...LEGIT_ROLES, '--trust', at('ca.pem'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('核验通过：所有签名有效，签署人证书均可追溯到受信任的根证书');
    expect(run.out).toContain(
      `#1 测试填表人甲（测试证书，仅供测试）  SHA-256 ${opensslFingerprint(at('preparer.pem'))}`,
    );
    expect(run.out).toContain(`#2 测试负责人丙（测试证书，仅供测试）  SHA-256 ${opensslFingerprint(at('head.pem'))}`);
    expect(run.out).toContain(`证书链：测试填表人甲 ← ${CA_NAME}（受信任的根）`);
    // signing times in Asia/Shanghai
    expect(run.out).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/);
  });

  test('the root from a folder, or from JIXIAO_TRUST, works the same', async () => {
    const roots = tempDir('jixiao-roots-');
    writeFileSync(path.join(roots, 'root.crt'), readFileSync(at('ca.pem')));
    writeFileSync(path.join(roots, 'README.txt'), '不是证书，不读');
    expect((await runCli('verify', at('legit.pdf'), ...LEGIT_ROLES, '--trust', roots)).code).toBe(0);
    expect(
      (
        await verifyPdf(at('legit.pdf'), {
          requiredRoles: ['preparer', 'head'],
          env: { JIXIAO_TRUST: [roots, at('ca.pem')].join(path.delimiter) },
        })
      ).ok,
    ).toBe(true);
    // DER works as well as PEM
    const der = at('ca.der');
    execFileSync('openssl', ['x509', '-in', at('ca.pem'), '-outform', 'DER', '-out', der]);
    expect((await verifyPdf(at('legit.pdf'), { requiredRoles: ['preparer', 'head'], trust: [der] })).ok).toBe(true);
  });

  test('without a trusted root: intact, but the identity is unverified — exit 4, never 核验通过', async () => {
    const run = await runCli('verify', at('legit.pdf'));
    expect(run.code).toBe(4);
    expect(run.out).not.toContain('核验通过');
    expect(run.out).toContain('文件完整、评分可复现，但签署人身份未经核实：没有指定受信任的根证书');
    const json = JSON.parse((await runCli('verify', at('legit.pdf'), ...LEGIT_ROLES, '--json')).out) as {
      intact: boolean;
      identityVerified: boolean;
      ok: boolean;
      signatures: { trust: { trusted: boolean | null } }[];
    };
    expect([json.intact, json.identityVerified, json.ok]).toEqual([true, false, false]);
    expect(json.signatures.map((s) => s.trust.trusted)).toEqual([null, null]);
  });

  test('a --trust file that holds no certificate is refused, never read as trusting nothing', async () => {
    writeFileSync(at('not-a-cert.pem'), 'hello');
    const run = await runCli('verify', at('legit.pdf'), ...LEGIT_ROLES, '--trust', at('not-a-cert.pem'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('TRUST_ANCHOR_UNREADABLE');
    expect((await runCli('verify', at('legit.pdf'), ...LEGIT_ROLES, '--trust', at('nowhere.pem'))).err).toContain(
      'FILE_NOT_FOUND',
    );
  });
});

describe('forged identities, each refused with its reason (exit 4: the file is intact, the signer is not who it says)', () => {
  const refused = async (file: string, reason: RegExp): Promise<void> => {
    const run = await runCli('verify', file, '--trust', at('ca.pem'));
    expect(run.code).toBe(4);
    expect(run.out).not.toContain('核验通过');
    expect(run.out).toMatch(reason);
  };

  test('a self-made CA with the same name as the trusted one', async () => {
    const fake = keygen({ commonName: CA_NAME, password: PASSWORD, ca: true });
    writeFileSync(at('fake-ca.p12'), fake.p12);
    writeFileSync(
      at('fake-signer.p12'),
      keygen({
        commonName: '测试填表人甲',
        password: PASSWORD,
        issuer: { file: at('fake-ca.p12'), password: PASSWORD },
      }).p12,
    );
    await signAs(at('fake-signer.p12'), 'preparer', at('unsigned.pdf'), at('fake-ca-signed.pdf'));
    // said plainly: the name matches, the key does not
    await refused(
      at('fake-ca-signed.pdf'),
      new RegExp(`自称由受信任的「${CA_NAME}」签发，但与受信任的那张根证书只是同名，不是同一把密钥：可能是伪造的证书`),
    );
  });

  test('an openssl self-signed certificate', async () => {
    const key = at('self.key');
    const cert = at('self.pem');
    // marked an end entity: openssl's default self-signed certificate is a CA, which jixiao sign refuses outright (SIGNER_IS_CA)
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=测试填表人甲',
        '-days',
        '30',
        '-utf8',
        '-addext',
        'basicConstraints=critical,CA:FALSE',
      ],
      { stdio: 'pipe' },
    );
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      at('self.p12'),
      '-passout',
      `pass:${PASSWORD}`,
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    ]);
    await signAs(at('self.p12'), 'preparer', at('unsigned.pdf'), at('self-signed.pdf'));
    await refused(at('self-signed.pdf'), /证书链到不了任何受信任的根证书/);
  });

  test("the trusted CA's own key signing the form directly: jixiao sign refuses it; signed with another tool, verify refuses it", async () => {
    await expect(signAs(at('ca.p12'), 'preparer', at('unsigned.pdf'), at('never.pdf'))).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'SIGNER_IS_CA' })],
    });
    // the attacker uses poppler's pdfsig with the CA's key in an NSS database
    const nss = tempDir('jixiao-nss-ca-');
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'], { stdio: 'pipe' });
    execFileSync('pk12util', ['-i', at('ca.p12'), '-d', `sql:${nss}`, '-W', PASSWORD], { stdio: 'pipe' });
    spawnSync(
      'pdfsig',
      [
        '-add-signature',
        '-nssdir',
        `sql:${nss}`,
        '-nick',
        CA_NAME,
        '-new-signature-field-name',
        'jixiao-preparer',
        at('unsigned.pdf'),
        at('ca-signed.pdf'),
      ],
      { stdio: 'pipe' },
    );
    await refused(
      at('ca-signed.pdf'),
      /签署证书「jixiao 测试根证书」是 CA 证书：CA 的密钥只能签发证书，不能直接签署表单/,
    );
  });

  test('an expired certificate with a back-dated signing time', async () => {
    const ca = { p12: readFileSync(at('ca.p12')), password: PASSWORD, file: at('ca.p12') };
    const p12 = makeTestP12(
      {
        commonName: '测试填表人甲',
        issuer: ca,
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2021-01-01T00:00:00Z'),
      },
      PASSWORD,
    );
    // the signer's clock says mid-2020, when the certificate was valid
    const { pdf } = await signPdf({
      pdf: readFileSync(at('unsigned.pdf')),
      file: 'unsigned.pdf',
      p12,
      p12File: 'expired.p12',
      password: PASSWORD,
      role: 'preparer',
      now: new Date('2020-06-01T00:00:00Z'),
    });
    writeFileSync(at('backdated.pdf'), pdf);
    const report = await verifyPdf(at('backdated.pdf'), { trust: [at('ca.pem')] });
    expect(report.signatures[0]!.signingTime).toBe('2020-06-01T00:00:00.000Z');
    expect(report.signatures[0]!.certificateValidAtSigning).toBe(true);
    await refused(at('backdated.pdf'), /证书「测试填表人甲」已于 2021-01-01 过期，没有可信时间戳能证明签署时它仍有效/);
  });

  test('one forged signature among real ones fails the whole form, naming which', async () => {
    await signAs(at('fake-signer.p12'), 'head', at('one.pdf'), at('mixed.pdf'));
    const report = await verifyPdf(at('mixed.pdf'), { trust: [at('ca.pem')] });
    expect(report.signatures.map((s) => s.trust.trusted)).toEqual([true, false]);
    expect(report.ok).toBe(false);
    const run = await runCli('verify', at('mixed.pdf'), '--trust', at('ca.pem'));
    expect(run.code).toBe(4);
    expect(run.out).toContain('第 2 个签名（测试填表人甲）的身份未经核实');
  });
});

test('a chain through an intermediate CA carried in the signature verifies to the root', async () => {
  const sub = makeTestP12(
    {
      commonName: 'jixiao 测试二级 CA',
      ca: true,
      issuer: { p12: readFileSync(at('ca.p12')), password: PASSWORD, file: at('ca.p12') },
    },
    PASSWORD,
  );
  writeFileSync(at('sub.p12'), sub);
  const leaf = makeTestP12(
    { commonName: '测试审核人乙', issuer: { p12: sub, password: PASSWORD, file: at('sub.p12') } },
    PASSWORD,
  );
  writeFileSync(at('leaf.p12'), leaf);
  mkdirSync(at('chain'), { recursive: true });
  await signAs(at('leaf.p12'), 'preparer', at('unsigned.pdf'), at('chain/signed.pdf'));
  const report = await verifyPdf(at('chain/signed.pdf'), { trust: [at('ca.pem')], requiredRoles: ['preparer'] });
  expect(report.signatures[0]!.trust.chain.map((l) => [l.name, l.anchor])).toEqual([
    ['测试审核人乙', false],
    ['jixiao 测试二级 CA', false],
    [CA_NAME, true],
  ]);
  expect(report.ok).toBe(true);
});

describe('the rule set a form was scored under', () => {
  /** The water example scored under a copy of caiyu-2020-10 beside it, edited, signed by the trusted preparer. */
  async function signedUnder(ruleSetText: string, name: string): Promise<string> {
    const folder = tempDir('jixiao-forged-rules-');
    cpSync(path.join(ROOT, 'examples/water-2023'), folder, { recursive: true });
    writeFileSync(path.join(folder, `${name}.yaml`), ruleSetText);
    const definitions = path.join(folder, 'project.indicators.yaml');
    writeFileSync(
      definitions,
      readFileSync(definitions, 'utf8').replace('ruleSet: caiyu-2020-10', `ruleSet: ./${name}.yaml`),
    );
    const [form] = await renderForms([path.join(folder, 'project.actuals.yaml')], { explain: false });
    expect(form!.problems).toBeUndefined();
    writeFileSync(path.join(folder, 'form.pdf'), form!.pdf!);
    await signAs(at('preparer.p12'), 'preparer', path.join(folder, 'form.pdf'), path.join(folder, 'signed.pdf'));
    return path.join(folder, 'signed.pdf');
  }
  const official = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');

  test('a forged rule set under the official id (grade line lowered) is refused: RULESET_MODIFIED names the difference', async () => {
    const forged = official.replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 70 }');
    expect(forged).not.toBe(official);
    const file = await signedUnder(forged, 'caiyu-2020-10');
    const run = await runCli('verify', file, '--trust', at('ca.pem'), '--roles', '填表人');
    expect(run.code).toBe(1);
    expect(run.err + run.out).toContain('RULESET_MODIFIED');
    expect(run.err + run.out).toContain('优 90 → 70');
    expect(run.out).toContain('内嵌的规则集冒用了随 jixiao 发布的规则集「caiyu-2020-10」的编号');
    // accepted on purpose, the difference is still said
    const allowed = await runCli('verify', file, '--trust', at('ca.pem'), '--allow-custom-rules', '--roles', '填表人');
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('已按 --allow-custom-rules 接受）：优 90 → 70');
  });

  test('the official rule set copied unchanged, and a custom rule set with an id of its own, verify', async () => {
    const copied = await runCli(
      'verify',
      await signedUnder(official, 'caiyu-2020-10'),
      '--trust',
      at('ca.pem'),
      '--json',
      '--roles',
      '填表人',
    );
    expect(copied.code).toBe(0);
    expect(JSON.parse(copied.out)).toMatchObject({
      ok: true,
      embedded: { ruleSet: 'caiyu-2020-10', rescoreMatches: true },
    });
    const own = official
      .replace('id: caiyu-2020-10', 'id: shili-2023')
      .replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 85 }');
    const custom = await runCli(
      'verify',
      await signedUnder(own, 'shili-2023'),
      '--trust',
      at('ca.pem'),
      '--roles',
      '填表人',
    );
    expect(custom.code).toBe(0);
    expect(custom.out).toContain('核验通过');
    expect(custom.out).not.toContain('RULESET_MODIFIED');
  });
});

test("a form signed by another tool — poppler's pdfsig, with the key in an NSS database made here — verifies in jixiao", async () => {
  const nss = tempDir('jixiao-nss-sign-');
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'], { stdio: 'pipe' });
  execFileSync('pk12util', ['-i', at('preparer.p12'), '-d', `sql:${nss}`, '-W', PASSWORD], { stdio: 'pipe' });
  // the field is named as jixiao names its 填表人 box, so verify knows the role
  spawnSync(
    'pdfsig',
    [
      '-add-signature',
      '-nssdir',
      `sql:${nss}`,
      '-nick',
      '测试填表人甲',
      '-new-signature-field-name',
      'jixiao-preparer',
      '-reason',
      '外部工具签署',
      at('unsigned.pdf'),
      at('pdfsig-signed.pdf'),
    ],
    { stdio: 'pipe' },
  );
  const report = await verifyPdf(at('pdfsig-signed.pdf'), { trust: [at('ca.pem')], requiredRoles: ['preparer'] });
  expect(report.signatures.map((s) => [s.role, s.signer, s.valid, s.trust.trusted])).toEqual([
    ['preparer', '测试填表人甲', true, true],
  ]);
  expect(report.ok).toBe(true);
});
