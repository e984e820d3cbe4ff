import { createServer, type Server } from 'node:net';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PdfPrinter } from '../src/pdf/printer';
import { bundledAsset } from '../src/report/assets';
import { renderForms } from '../src/pipeline/render';
import { ROOT, tempDir } from './helpers';
import { pdfText, squeeze } from './pdfTools';

/** A loopback server that counts connections: any request the page makes to it would show here. */
async function listen(): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port, connections: () => count };
}

describe('rendering leaves nothing to the network', () => {
  it('a department name with HTML and script prints as text and causes no request', async () => {
    const trap = await listen();
    try {
      const dir = tempDir('jixiao-inject-');
      const evilUnit = `<script>alert(1)</script>示范局<img src="http://127.0.0.1:${trap.port}/x">`;
      const evilName = '<b>粗</b>';
      const defs = readFileSync(path.join(ROOT, 'test/fixtures/good/small.indicators.yaml'), 'utf8')
        .replace('department: 测试局', `department: '${evilUnit}'`)
        .replace('name: 培训人次', `name: '${evilName}'`);
      writeFileSync(path.join(dir, 'small.indicators.yaml'), defs);
      copyFileSync(path.join(ROOT, 'test/fixtures/good/small.actuals.yaml'), path.join(dir, 'small.actuals.yaml'));

      const [form] = await renderForms([path.join(dir, 'small.actuals.yaml')], { explain: false });
      expect(form!.problems).toBeUndefined();
      expect(form!.stats!.aborted).toEqual([]);
      expect(trap.connections()).toBe(0);
      expect(form!.html).not.toContain('<script>');
      expect(form!.html).toContain('&lt;script&gt;');

      const file = path.join(dir, 'evil.pdf');
      writeFileSync(file, form!.pdf!);
      const text = squeeze(pdfText(file));
      expect(text).toContain(squeeze(evilUnit));
      expect(text).toContain(squeeze(evilName));
    } finally {
      trap.server.close();
    }
  });

  it('the printer aborts every request that is not a bundled asset, even from raw HTML', async () => {
    const trap = await listen();
    const printer = await PdfPrinter.launch();
    try {
      const html = `<!DOCTYPE html><html lang="zh-CN"><head><link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/fonts.css">
        <link rel="stylesheet" href="http://127.0.0.1:${trap.port}/style.css"></head>
        <body><p style="font-family:'Noto Serif SC'">外部资源测试</p>
        <img src="http://127.0.0.1:${trap.port}/image.png"><img src="https://example.org/x.png">
        <script src="http://127.0.0.1:${trap.port}/x.js"></script></body></html>`;
      const { pdf, stats } = await printer.print({ html, resolveAsset: bundledAsset, name: 'raw' });
      expect(pdf.byteLength).toBeGreaterThan(1000);
      // with JavaScript disabled the script is not even requested; everything else is refused
      expect(stats.aborted.sort()).toEqual(
        [
          `http://127.0.0.1:${trap.port}/image.png`,
          `http://127.0.0.1:${trap.port}/style.css`,
          'https://example.org/x.png',
        ].sort(),
      );
      expect(stats.served).toBeGreaterThanOrEqual(2); // the page and its font stylesheet
      expect(trap.connections()).toBe(0);
    } finally {
      await printer.close();
      trap.server.close();
    }
  });
});
