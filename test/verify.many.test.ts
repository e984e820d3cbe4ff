import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CLEAN, runCli, tempDir, withPasswords } from './helpers';

// The 财政 side receives a year of signed forms: `verify` over files and folders gives one line per form.

jest.setTimeout(180_000);

const PASSWORD = 'verify-many-test';
const dir = tempDir('jixiao-verify-many-');
const at = (...p: string[]): string => path.join(dir, ...p);
const forms = at('forms');

async function cli(...argv: string[]) {
  return withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));
}

async function must(...argv: string[]): Promise<void> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`${argv.join(' ')}: ${run.err}`);
}

beforeAll(async () => {
  mkdirSync(forms);
  mkdirSync(at('forms', '乙局'));
  await must('render', CLEAN, '-o', at('form.pdf'));
  await must('keygen', '--ca', '--cn', '批量核验测试根证书', '-o', at('ca.p12'), '--cert-out', at('ca.pem'));
  for (const [name, cn] of [
    ['preparer', '演示填表人'],
    ['reviewer', '演示审核人'],
    ['head', '演示负责人'],
    ['unit', '示例市水利局'],
  ] as const)
    await must('keygen', '--cn', cn, '--issuer', at('ca.p12'), '-o', at(`${name}.p12`));
  await must(
    'sign',
    at('form.pdf'),
    '--p12',
    at('preparer.p12'),
    '--role',
    '填表人',
    '-o',
    at('forms', '乙局', 'partial.pdf'),
  );
  copyFileSync(at('forms', '乙局', 'partial.pdf'), at('forms', 'complete.pdf'));
  for (const [key, role] of [
    ['reviewer', '审核人'],
    ['head', '单位负责人'],
    ['unit', '单位盖章'],
  ] as const)
    await must('sign', at('forms', 'complete.pdf'), '--p12', at(`${key}.p12`), '--role', role);
  copyFileSync(at('forms', 'complete.pdf'), at('forms', 'tampered.pdf'));
  appendFileSync(at('forms', 'tampered.pdf'), '\n% added after the last signature\n');
  copyFileSync(at('form.pdf'), at('forms', 'unsigned.pdf'));
  writeFileSync(at('forms', 'junk.pdf'), 'not a pdf at all');
  writeFileSync(at('forms', 'notes.txt'), 'not a form');
});

describe('verify over a folder of signed forms', () => {
  test('one line per PDF, found in sub-folders, each with its unit, project, total, grade, roles and verdict; a tally; exit 1', async () => {
    const run = await cli('verify', forms, '--trust', at('ca.pem'));
    expect(run.code).toBe(1);
    const line = (file: string): string => run.out.split('\n').find((l) => l.includes(file)) ?? '';
    expect(line('complete.pdf')).toMatch(/示例市水利局.*99\.8.*优.*核验通过/);
    expect(line('partial.pdf')).toMatch(/填表人.*待签：审核人、单位负责人/);
    expect(line('tampered.pdf')).toContain('不通过');
    expect(line('unsigned.pdf')).toContain('不通过：文件没有签名');
    expect(line('junk.pdf')).toContain('不通过');
    expect(run.out).not.toContain('notes.txt');
    expect(run.out).toContain('共 5 份：核验通过 1 份，待签 1 份，身份未核实 0 份，不通过 3 份');
  });

  test('--json: the same lines as data; only verified forms exit 0; intact forms of unknown signers exit 4', async () => {
    const json = await cli('verify', forms, '--trust', at('ca.pem'), '--json');
    const rows = JSON.parse(json.out) as {
      file: string;
      verdict: string;
      signed: string[];
      missing: string[];
      department: string;
      project: string;
    }[];
    expect(rows.map((r) => [path.basename(r.file), r.verdict])).toEqual([
      ['complete.pdf', 'verified'],
      ['junk.pdf', 'failed'],
      ['tampered.pdf', 'failed'],
      ['unsigned.pdf', 'failed'],
      ['partial.pdf', 'rolesMissing'],
    ]);
    expect(rows[4]).toMatchObject({
      signed: ['preparer'],
      missing: ['reviewer', 'head', 'seal'],
      department: '示例市水利局',
      project: '农村饮水安全巩固提升工程',
    });
    expect(
      (await cli('verify', at('forms', 'complete.pdf'), at('forms', 'complete.pdf'), '--trust', at('ca.pem'))).code,
    ).toBe(0);
    expect((await cli('verify', at('forms', 'complete.pdf'), at('forms', 'complete.pdf'))).code).toBe(4);
  });

  test('-o 核验.xlsx: one sheet with Chinese headers and a row per form; -o .csv the same as CSV', async () => {
    const run = await cli('verify', forms, '--trust', at('ca.pem'), '-o', at('核验.xlsx'));
    expect(run.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('核验.xlsx'));
    const sheet = wb.getWorksheet('核验结果');
    const values = (n: number): string[] => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1).map(String);
    expect(values(1)).toEqual(['文件', '单位', '项目', '总分', '等级', '已签角色', '结论']);
    expect(values(2).slice(1)).toEqual([
      '示例市水利局',
      '农村饮水安全巩固提升工程',
      '99.8',
      '优',
      '填表人、审核人、单位负责人、单位盖章',
      '核验通过',
    ]);
    expect(sheet?.rowCount).toBe(6);
    await cli('verify', forms, '--trust', at('ca.pem'), '-o', at('核验.csv'));
    expect(readFileSync(at('核验.csv'), 'utf8')).toMatch(/^\ufeff文件,单位,项目,总分,等级,已签角色,结论\n/);
  });

  test('a folder with no PDF is said plainly (NO_PDFS); one file alone keeps its whole report', async () => {
    mkdirSync(at('empty'));
    const none = await cli('verify', at('empty'));
    expect([none.code, none.err]).toEqual([1, expect.stringContaining('NO_PDFS')]);
    const one = await cli('verify', at('forms', '乙局', 'partial.pdf'), '--trust', at('ca.pem'));
    expect(one.out).toContain('4 个角色中已签 1 个（缺：审核人、单位负责人、单位盖章）');
  });
});
