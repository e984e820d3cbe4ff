import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { CLEAN, runCli, tempDir, withPasswords } from './helpers';
import { describeWith, onPath } from './outsidePrograms';

// verify in plain words for the cases that most need them: a file re-saved by another program, a check of the
// data alone, and a table whose checks are named for people (the signature mechanics behind --details).

jest.setTimeout(120_000);

const PASSWORD = 'verify-words-test';
const dir = tempDir('jixiao-verify-words-');
const at = (f: string): string => path.join(dir, f);
const cli = (...argv: string[]) =>
  withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));

beforeAll(async () => {
  for (const argv of [
    ['render', CLEAN, '-o', at('form.pdf')],
    ['keygen', '--ca', '--cn', '白话核验测试根证书', '-o', at('ca.p12'), '--cert-out', at('ca.pem')],
    ['keygen', '--cn', '演示填表人', '--issuer', at('ca.p12'), '-o', at('preparer.p12')],
    ['sign', at('form.pdf'), '--p12', at('preparer.p12'), '--role', '填表人', '-o', at('signed.pdf')],
  ]) {
    const run = await cli(...argv);
    if (run.code !== 0) throw new Error(run.err);
  }
});

describe('verify in plain words', () => {
  test('the table names its checks for people; the signature mechanics are behind --details', async () => {
    const plain = await cli('verify', at('signed.pdf'), '--trust', at('ca.pem'));
    const head = plain.out.split('\n').find((l) => l.includes('签署人')) ?? '';
    expect(head).toMatch(/角色.*签署人.*颁发者.*签署时间.*签名有效.*身份已核实/);
    for (const jargon of ['范围', '摘要', '覆盖至修订', '其后追加']) expect(plain.out).not.toContain(jargon);
    const detailed = await cli('verify', at('signed.pdf'), '--trust', at('ca.pem'), '--details');
    expect(detailed.out).toMatch(
      /签名范围完整.*签后内容未改.*签名与证书相符.*签署时证书有效.*签的是第几版.*其后追加的字节/,
    );
  });

  test('--allow-unsigned on an unsigned file says what was checked, never that certificates lead to a trusted root', async () => {
    const run = await cli('verify', at('form.pdf'), '--allow-unsigned');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '内嵌数据核验通过：评分可复现。此文件未签名（--allow-unsigned），没有核验任何签名或证书。',
    );
    expect(run.out).not.toContain('受信任的根证书');
  });
});

describeWith(
  { what: 'qpdf', present: onPath('qpdf') !== null, install: 'scripts/setup.sh installs qpdf' },
  'a signed file re-saved by another program',
  () => {
    test('one plain sentence: re-saved, use the original; no table of ✗, no empty signer names', async () => {
      // qpdf writes the whole file anew, as a viewer's "save as" does: the signature fields stay, their bytes do not
      execFileSync('qpdf', [at('signed.pdf'), at('resaved.pdf')]);
      const run = await cli('verify', at('resaved.pdf'), '--trust', at('ca.pem'));
      expect(run.code).toBe(1);
      expect(run.out).toContain(
        '核验不通过：签署后被其他程序另存（整份文件被重写），原来的签名已无法核对：请使用签署时得到的原始文件',
      );
      expect(run.out).not.toContain('✗');
      expect(run.out + run.err).not.toMatch(/「」|CN=」/);
      expect(run.out.match(/核验不通过/g)).toHaveLength(1);
      const json = JSON.parse((await cli('verify', at('resaved.pdf'), '--json')).out) as { resaved: boolean };
      expect(json.resaved).toBe(true);
    });
  },
);
