import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { loadPdf, readEmbeddedData } from '../src/pdfdoc/pdfRead';
import { CLEAN, ROOT, runCli, tempDir, withPasswords } from './helpers';

// The seal's face: the unit's seal image at the right of the box, the words at its left, none of them under it.

jest.setTimeout(120_000);

const PASSWORD = 'appearance-test';
const dir = tempDir('jixiao-appearance-');
const at = (f: string): string => path.join(dir, f);
const cli = (...argv: string[]) =>
  withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));

test('every word of the 单位盖章 face (the unit, 电子印章, the signing time with 北京时间) stays left of the seal image', async () => {
  for (const argv of [
    ['render', CLEAN, '-o', at('form.pdf')],
    ['keygen', '--ca', '--cn', '印章测试根证书', '-o', at('ca.p12')],
    ['keygen', '--cn', '演示填表人', '--issuer', at('ca.p12'), '-o', at('preparer.p12')],
    ['keygen', '--cn', '示例市水利局', '--issuer', at('ca.p12'), '-o', at('unit.p12')],
    ['sign', at('form.pdf'), '--p12', at('preparer.p12'), '--role', '填表人', '-o', at('signed.pdf')],
    ['sign', at('signed.pdf'), '--p12', at('unit.p12'), '--role', '单位盖章'],
  ]) {
    const run = await cli(...argv);
    if (run.code !== 0) throw new Error(run.err);
  }
  const bytes = readFileSync(at('signed.pdf'));
  const box = readEmbeddedData(await loadPdf(bytes, 'signed.pdf'), 'signed.pdf').data.signatureBoxes.find(
    (b) => b.role === 'seal',
  );
  if (!box) throw new Error('no seal box');
  const [x1, y1, x2, y2] = box.rect;
  // where the appearance draws the seal: as tall as the box allows, at most 45% of its width, 2 pt from its right
  const png = PNG.sync.read(readFileSync(path.join(ROOT, 'examples/water-2023/seal.png')));
  const sealWidth = Math.min((x2 - x1) * 0.45, (png.width / png.height) * (y2 - y1 - 4));
  const sealLeft = x2 - 2 - sealWidth;
  const pageHeight = Number(
    /Page\s+\d+\s+size:\s+[\d.]+ x ([\d.]+)/.exec(
      execFileSync('pdfinfo', ['-f', String(box.page + 1), '-l', String(box.page + 1), at('signed.pdf')], {
        encoding: 'utf8',
      }),
    )?.[1],
  );
  const html = execFileSync(
    'pdftotext',
    ['-bbox', '-f', String(box.page + 1), '-l', String(box.page + 1), at('signed.pdf'), '-'],
    { encoding: 'utf8' },
  );
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ]
    .map((m) => ({
      x1: Number(m[1]),
      top: pageHeight - Number(m[2]),
      x2: Number(m[3]),
      bottom: pageHeight - Number(m[4]),
      text: m[5] ?? '',
    }))
    .filter((w) => w.x1 >= x1 - 1 && w.x2 <= x2 + 30 && w.bottom >= y1 - 1 && w.top <= y2 + 1);
  expect(words.map((w) => w.text).join(' ')).toMatch(/示例市水利局.*北京时间/);
  for (const w of words) expect([w.text, w.x2 <= sealLeft + 0.5]).toEqual([w.text, true]);
  // and inside the box, top to bottom
  for (const w of words) expect([w.text, w.bottom >= y1 - 0.5]).toEqual([w.text, true]);
});
