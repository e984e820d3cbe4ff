import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { keygen } from '../src/pipeline';
import { renderForms } from '../src/pipeline/render';
import { messageOf } from '../src/errors/message';
import { roleBreaches, type RoleSignature } from '../src/sign/roles';
import { ROOT, runCli, tempDir } from './helpers';

// Roles are bound to names, order and certificates: 填表人 → 审核人 → 单位负责人, each by the person the form names.

jest.setTimeout(120_000);

const none = { preparer: '', reviewer: '', head: '', seal: '' };
const UNIT = '测试市水务局';
const sig = (role: RoleSignature['role'], signer: string, fingerprint = signer, organization = ''): RoleSignature => ({
  role,
  signer,
  organization,
  fingerprint,
});
const codes = (printed: typeof none, signatures: RoleSignature[], options = {}): string[] =>
  roleBreaches(printed, signatures, { units: [UNIT], ...options }).map((b) => `${b.index} ${b.breach.code}`);

describe('the signing rules', () => {
  test("a breach names the roles in the reader's language: 填表人 in Chinese, preparer in English", () => {
    const [breach] = roleBreaches(none, [sig('head', 'C')], { units: [UNIT] }).map((b) => b.breach);
    if (!breach) throw new Error('no breach');
    expect(messageOf(breach, 'zh')).toBe('「单位负责人」签署的次序不对：「填表人」还没有签');
    expect(messageOf(breach, 'en')).toBe('"head of unit" signs out of order: "preparer" has not signed yet');
    const [twice] = roleBreaches(none, [sig('preparer', 'A'), sig('reviewer', 'A')], { units: [UNIT] }).map(
      (b) => b.breach,
    );
    if (!twice) throw new Error('no breach');
    expect(messageOf(twice, 'en')).not.toMatch(/\p{Script=Han}/u);
  });

  test('in order, each by its own certificate: no breach', () => {
    expect(codes(none, [sig('preparer', 'A'), sig('reviewer', 'B'), sig('head', 'C')])).toEqual([]);
    // a reviewer the form does not name may be left out
    expect(codes(none, [sig('preparer', 'A'), sig('head', 'C')])).toEqual([]);
    // the unit seals last, with a certificate naming the unit in CN or in O
    expect(codes(none, [sig('preparer', 'A'), sig('reviewer', 'B'), sig('head', 'C'), sig('seal', UNIT)])).toEqual([]);
    expect(codes(none, [sig('preparer', 'A'), sig('head', 'C'), sig('seal', '电子印章', 'S', UNIT)])).toEqual([]);
  });

  test("the seal: only the unit's own certificate, never a person's, never before the people, and no flag lets another unit seal", () => {
    expect(codes(none, [sig('preparer', 'A'), sig('head', 'C'), sig('seal', 'C', 'S')])).toEqual([
      '3 SEAL_UNIT_MISMATCH',
    ]);
    expect(
      codes(none, [sig('preparer', 'A'), sig('head', 'C'), sig('seal', '别的单位')], { allowNameMismatch: true }),
    ).toEqual(['3 SEAL_UNIT_MISMATCH']);
    expect(codes(none, [sig('preparer', 'A'), sig('seal', UNIT), sig('head', 'C')])).toEqual(['3 ROLE_OUT_OF_ORDER']);
    expect(codes({ ...none, head: '王五' }, [sig('preparer', 'A'), sig('seal', UNIT)])).toEqual([
      '2 ROLE_OUT_OF_ORDER',
    ]);
    const [breach] = roleBreaches(none, [sig('preparer', 'A'), sig('seal', '张三', 'S', '别的单位')], {
      units: [UNIT],
    });
    expect(breach!.breach.data).toMatchObject({ signer: 'CN=张三, O=别的单位', units: UNIT });
  });

  test('each breach at the signature that commits it', () => {
    expect(codes(none, [sig('preparer', 'A'), sig('preparer', 'B')])).toEqual(['2 ROLE_ALREADY_SIGNED']);
    expect(codes(none, [sig('head', 'C')])).toEqual(['1 ROLE_OUT_OF_ORDER']);
    expect(codes(none, [sig('preparer', 'A'), sig('head', 'C'), sig('reviewer', 'B')])).toEqual([
      '3 ROLE_OUT_OF_ORDER',
    ]);
    expect(codes({ ...none, reviewer: '李四' }, [sig('preparer', 'A'), sig('head', 'C')])).toEqual([
      '2 ROLE_OUT_OF_ORDER',
    ]);
    expect(codes(none, [sig('preparer', 'A', 'X'), sig('reviewer', 'A', 'X'), sig('head', 'A', 'X')])).toEqual([
      '2 CERT_TWO_ROLES',
      '3 CERT_TWO_ROLES',
    ]);
    expect(codes({ ...none, preparer: '张三' }, [sig('preparer', '李四')])).toEqual(['1 SIGNER_NAME_MISMATCH']);
    expect(codes({ ...none, preparer: '张三' }, [sig('preparer', '李四')], { allowNameMismatch: true })).toEqual([]);
  });

  test('the messages say who and what', () => {
    const [breach] = roleBreaches(none, [sig('preparer', 'A'), sig('head', 'C'), sig('reviewer', 'B')], {
      units: [UNIT],
    });
    expect(messageOf(breach!.breach, 'zh')).toBe('「审核人」签署的次序不对：「单位负责人」已经在前面签过');
  });
});

describe('sign and verify keep them', () => {
  const dir = tempDir('jixiao-roles-');
  const at = (f: string): string => path.join(dir, f);
  const PASSWORD = 'roles-test';
  const env = { JIXIAO_P12_PASSWORD: PASSWORD };
  const sign = async (
    input: string,
    p12: string,
    role: string,
    output: string,
    ...extra: string[]
  ): Promise<{ code: number; text: string }> => {
    const old = { ...process.env };
    Object.assign(process.env, env);
    try {
      const run = await runCli('sign', input, '--p12', at(p12), '--role', role, '-o', output, ...extra);
      return { code: run.code, text: run.err + run.out };
    } finally {
      process.env = old;
    }
  };

  beforeAll(async () => {
    // the water example, naming its three signers
    cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
    const actuals = at('project.actuals.yaml');
    writeFileSync(
      actuals,
      readFileSync(actuals, 'utf8').replace(
        'signOff:\n',
        'signOff:\n  preparer: 张三\n  reviewer: 李四\n  head: 王五\n',
      ),
    );
    const [form] = await renderForms([actuals], { explain: false });
    writeFileSync(at('form.pdf'), form!.pdf!);
    const ca = keygen({ commonName: '角色测试根证书', password: PASSWORD, ca: true });
    writeFileSync(at('ca.p12'), ca.p12);
    writeFileSync(at('ca.pem'), ca.pem);
    for (const name of ['张三', '李四', '王五', '示例市水利局', '示例市农村供水服务中心', '示例市别的局'])
      writeFileSync(
        at(`${name}.p12`),
        keygen({ commonName: name, password: PASSWORD, issuer: { file: at('ca.p12'), password: PASSWORD } }).p12,
      );
  });

  test("the named people in order, then the unit's seal: 核验通过", async () => {
    expect((await sign(at('form.pdf'), '张三.p12', '填表人', at('1.pdf'))).code).toBe(0);
    expect((await sign(at('1.pdf'), '李四.p12', '审核人', at('2.pdf'))).code).toBe(0);
    expect((await sign(at('2.pdf'), '王五.p12', '单位负责人', at('3.pdf'))).code).toBe(0);
    // three of four signed: intact and trusted, but not finished — never 核验通过 until the seal too has signed
    const three = await runCli('verify', at('3.pdf'), '--trust', at('ca.pem'));
    expect(three.code).toBe(1);
    expect(three.out).toContain('4 个角色中已签 3 个（缺：单位盖章）');
    expect(three.out).not.toContain('核验通过');
    const threeJson = JSON.parse((await runCli('verify', at('3.pdf'), '--trust', at('ca.pem'), '--json')).out) as {
      ok: boolean;
      roles: { signed: string[]; missing: string[] };
    };
    expect([threeJson.ok, threeJson.roles]).toEqual([
      false,
      {
        required: ['preparer', 'reviewer', 'head', 'seal'],
        signed: ['preparer', 'reviewer', 'head'],
        missing: ['seal'],
      },
    ]);
    // a check of this stage names the roles it requires
    const stage = await runCli('verify', at('3.pdf'), '--trust', at('ca.pem'), '--roles', '填表人,审核人,单位负责人');
    expect(stage.code).toBe(0);
    expect(stage.out).toContain('3 个角色均已签署：填表人、审核人、单位负责人');
    expect((await sign(at('3.pdf'), '示例市水利局.p12', '单位盖章', at('4.pdf'))).code).toBe(0);
    const verified = await runCli('verify', at('4.pdf'), '--trust', at('ca.pem'));
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/│ 4 +│ 单位盖章 +│ 示例市水利局 /);
    expect(verified.out).toContain('4 个角色均已签署：填表人、审核人、单位负责人、单位盖章');
  });

  test("the seal refuses a person's certificate and another unit's, and waits for the people", async () => {
    let run = await sign(at('3.pdf'), '示例市别的局.p12', '单位盖章', at('x.pdf'));
    expect([run.code, run.text]).toEqual([
      1,
      expect.stringContaining('SEAL_UNIT_MISMATCH: 单位盖章须用本单位的证书：证书是「CN=示例市别的局, O='),
    ]);
    run = await sign(at('3.pdf'), '王五.p12', '单位盖章', at('x.pdf'), '--allow-name-mismatch');
    expect(run.text).toContain('表上的单位是「示例市水利局 / 示例市农村供水服务中心」');
    run = await sign(at('2.pdf'), '示例市水利局.p12', '盖章', at('x.pdf'));
    expect(run.text).toContain('「单位负责人」还没有签');
    // a project form's 实施单位 may seal it as well
    expect((await sign(at('3.pdf'), '示例市农村供水服务中心.p12', '单位（盖章）', at('4b.pdf'))).code).toBe(0);
    expect((await runCli('verify', at('4b.pdf'), '--trust', at('ca.pem'))).code).toBe(0);
  });

  test('sign refuses: 填表人 never signing, 单位负责人 before the named 审核人, one certificate for two roles, someone else in a named box', async () => {
    let run = await sign(at('form.pdf'), '王五.p12', '单位负责人', at('x.pdf'));
    expect([run.code, run.text]).toEqual([
      1,
      expect.stringContaining('ROLE_OUT_OF_ORDER: 「单位负责人」签署的次序不对：「填表人」还没有签'),
    ]);
    run = await sign(at('1.pdf'), '王五.p12', '单位负责人', at('x.pdf'));
    expect(run.text).toContain('「审核人」还没有签');
    run = await sign(at('1.pdf'), '张三.p12', '审核人', at('x.pdf'));
    expect(run.text).toContain('CERT_TWO_ROLES: 同一张证书（张三）既签了「填表人」又签「审核人」');
    run = await sign(at('form.pdf'), '李四.p12', '填表人', at('x.pdf'));
    expect(run.text).toContain('SIGNER_NAME_MISMATCH: 表上「填表人」印的是「张三」，签署证书却是「李四」');
    expect(run.code).toBe(1);
  });

  test('signing for the named person on purpose: allowed with --allow-name-mismatch, and verify names it unless told the same', async () => {
    const run = await sign(at('form.pdf'), '李四.p12', '填表人', at('for-someone.pdf'), '--allow-name-mismatch');
    expect(run.code).toBe(0);
    const strict = await runCli('verify', at('for-someone.pdf'), '--trust', at('ca.pem'), '--roles', '填表人');
    expect(strict.code).toBe(1);
    expect(strict.err + strict.out).toContain('SIGNER_NAME_MISMATCH');
    expect(strict.out).toContain('第 1 个签名违反签署规则');
    expect(
      (
        await runCli(
          'verify',
          at('for-someone.pdf'),
          '--trust',
          at('ca.pem'),
          '--allow-name-mismatch',
          '--roles',
          '填表人',
        )
      ).code,
    ).toBe(0);
  });
});
