import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir } from './helpers';

// Files saved by Windows Notepad or WPS in GBK are read as GB18030 with a note; jixiao writes UTF-8 only.
describe('one decoder: UTF-8, else GB18030, else an error at the first bad byte', () => {
  jest.setTimeout(60_000);
  const dir = tempDir();
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  const utf8 = readFileSync(path.join(dir, 'project.actuals.yaml'), 'utf8').replace(
    '  phone: ',
    '  preparer: 张三\n  reviewer: 李四\n  phone: ',
  );
  const gbk = path.join(dir, 'gbk.actuals.yaml');
  writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 }));

  test('a GBK actuals file scores with a note at the first non-UTF-8 byte', async () => {
    const run = await runCli('score', gbk, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.total).toBe('99.8');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'ENCODING_GB18030', location: expect.objectContaining({ line: 2 }) }),
      ]),
    );
  });

  test('its Chinese prints right in the PDF, and the embedded copy is UTF-8', async () => {
    const out = path.join(dir, 'gbk.pdf');
    expect((await runCli('render', gbk, '-o', out)).code).toBe(0);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('张三');
    expect(text).toContain('李四');
    expect(text).not.toContain('\uFFFD');
    execFileSync('pdfdetach', ['-save', '1', '-o', path.join(dir, 'data.json'), out]);
    const embedded = JSON.parse(readFileSync(path.join(dir, 'data.json'), 'utf8'));
    expect(embedded.inputs.actuals.text).toContain('preparer: 张三');
  });
});
