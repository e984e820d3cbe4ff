import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { keygen } from '../src/pipeline';
import { renderForms } from '../src/pipeline/render';
import { PROJECT, runCli, tempDir } from './helpers';

/** `sign` refuses a file changed after its last signature, instead of signing on top of the change. */
jest.setTimeout(120_000);

const dir = tempDir('jixiao-sign-changed-');
const at = (name: string): string => path.join(dir, name);
const PASSWORD = 'changed-test';

beforeAll(async () => {
  const ca = keygen({ commonName: 'jixiao 测试根证书', password: PASSWORD, ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  const signers: [role: string, cn: string][] = [
    ['preparer', '填表人甲'],
    ['reviewer', '审核人乙'],
  ];
  for (const [role, cn] of signers) {
    writeFileSync(
      at(`${role}.p12`),
      keygen({ commonName: cn, password: PASSWORD, issuer: { file: at('ca.p12'), password: PASSWORD } }).p12,
    );
  }
  const [form] = await renderForms([PROJECT], { explain: false });
  writeFileSync(at('form.pdf'), form!.pdf!);
});

async function sign(file: string, p12: string, role: string, out: string) {
  process.env.JIXIAO_P12_PASSWORD = PASSWORD;
  try {
    return await runCli('sign', file, '--p12', p12, '--role', role, '-o', out);
  } finally {
    delete process.env.JIXIAO_P12_PASSWORD;
  }
}

describe('signing a file changed after its last signature', () => {
  it('signed as 填表人, then an unsigned update draws on the page: 审核人 cannot sign on top (SIGNED_FILE_CHANGED, nothing written)', async () => {
    expect((await sign(at('form.pdf'), at('preparer.p12'), '填表人', at('one.pdf'))).code).toBe(0);
    const doc = await PDFDocument.load(readFileSync(at('one.pdf')), {
      forIncrementalUpdate: true,
      updateMetadata: false,
    });
    doc.getPage(0).drawText('100', { x: 400, y: 100, size: 30 });
    const changed = Buffer.from(await doc.commit({ useObjectStreams: false }));
    writeFileSync(at('changed.pdf'), changed);
    const extra = changed.length - readFileSync(at('one.pdf')).length;

    const run = await sign(at('changed.pdf'), at('reviewer.p12'), '审核人', at('two.pdf'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `错误 SIGNED_FILE_CHANGED: ${at('changed.pdf')} 在最后一次签名之后被改动过（末尾有 ${extra} 字节不在任何签名之内）`,
    );
    expect(existsSync(at('two.pdf'))).toBe(false);
  });

  it('the file as the 填表人 handed it over is signed by the 审核人 (the control case)', async () => {
    expect((await sign(at('one.pdf'), at('reviewer.p12'), '审核人', at('two-ok.pdf'))).code).toBe(0);
    expect(existsSync(at('two-ok.pdf'))).toBe(true);
  });
});
