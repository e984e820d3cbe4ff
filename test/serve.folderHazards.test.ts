import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, ftruncateSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { servedFolder, startServe, type Served } from './serveHarness';

/**
 * Files in the served folder that are no forms at all — a named pipe, a 200 MB file, a link loop, a broken link, a
 * folder link back to its parent — are listed as unreadable with the reason, and the server keeps answering.
 * An unfinished request is cut off; a save the loader would refuse is not written.
 */
jest.setTimeout(90_000);

let folder: string;
let served: Served;

function get(s: Served, pathname: string, ceilingMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: pathname,
        headers: { cookie: `jixiao_token=${s.token}`, host: `127.0.0.1:${s.port}` },
        timeout: ceilingMs,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // no answer within the ceiling fails the test: the event is the answer, not a sleep
    req.on('timeout', () => req.destroy(new Error(`no answer to ${pathname} within ${ceilingMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

function post(s: Served, pathname: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      cookie: `jixiao_token=${s.token}`,
      host: `127.0.0.1:${s.port}`,
      origin: s.origin,
      'content-type': 'application/json',
    };
    const req = http.request({ host: '127.0.0.1', port: s.port, path: pathname, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  folder = servedFolder();
  const hazards = path.join(folder, 'hazards');
  mkdirSync(hazards);
  execFileSync('mkfifo', [path.join(hazards, 'p.actuals.yaml')]);
  // 200 MB without writing 200 MB: a sparse file
  const big = openSync(path.join(hazards, 'big.actuals.yaml'), 'w');
  ftruncateSync(big, 200 * 1024 * 1024);
  closeSync(big);
  symlinkSync('loop.actuals.yaml', path.join(hazards, 'loop.actuals.yaml'));
  symlinkSync(path.join(hazards, 'nowhere', 'gone.yaml'), path.join(hazards, 'gone.actuals.yaml'));
  symlinkSync('..', path.join(hazards, 'up'));
  served = await startServe(folder);
});

afterAll(async () => {
  await served.stop();
});

describe('jixiao serve with hazards in its folder', () => {
  it('the forms page answers within 2 s and lists each hazard as unreadable, with its reason', async () => {
    const page = await get(served, '/', 2_000);
    expect(page.status).toBe(200);
    const row = (name: string): string => {
      const m = new RegExp(
        `<tr class="form-entry status-unreadable" data-file="hazards/${name.replace('.', '\\.')}">([\\s\\S]*?)</tr>`,
      ).exec(page.body);
      if (!m) throw new Error(`${name} is not listed as unreadable`);
      return m[1] ?? '';
    };
    expect(row('p.actuals.yaml')).toContain('不是普通文件');
    expect(row('big.actuals.yaml')).toContain('超过此类文件的上限');
    expect(row('loop.actuals.yaml')).toContain('链接绕成了环');
    expect(row('gone.actuals.yaml')).toContain('断开的链接');
    for (const name of ['p.actuals.yaml', 'big.actuals.yaml', 'loop.actuals.yaml', 'gone.actuals.yaml'])
      expect(row(name)).toContain('无法读取');
    // the real forms are still there, scored; the folder link back to the parent did not list them twice
    expect(page.body).toContain('data-file="water/project.actuals.yaml"');
    expect(page.body.match(/data-file="water\/project\.actuals\.yaml"/g)).toHaveLength(1);
  });

  it('opening a hazard answers with its reason, not a 500 or a hang; the server is alive after all of it', async () => {
    const expected: [string, string][] = [
      ['p.actuals.yaml', 'NOT_A_REGULAR_FILE'],
      ['loop.actuals.yaml', 'LINK_BROKEN'],
      ['gone.actuals.yaml', 'LINK_BROKEN'],
      ['big.actuals.yaml', 'FILE_TOO_LARGE'],
    ];
    for (const [name, code] of expected) {
      const page = await get(served, `/form?file=${encodeURIComponent(`hazards/${name}`)}`, 5_000);
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.status).toBeLessThan(500);
      expect(page.body).toContain(`错误 ${code}: `);
      expect(page.body).not.toMatch(/内部错误|internal error|at .*\.js:\d+/);
    }
    expect((await get(served, '/assets/form.js', 2_000)).status).toBe(200);
    expect(served.process.exitCode).toBeNull();
  });

  it('a request whose headers never end is closed (408) instead of held open', async () => {
    const socket = net.connect(served.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\n`);
    // the event: the server closes the connection (its header limit is 10 s); the ceiling is the test's timeout
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a save the loader would refuse (a 20,000-character 偏差原因) is not written (422, the file unchanged)', async () => {
    const file = path.join(folder, 'water/project.actuals.yaml');
    const before = readFileSync(file);
    const body = JSON.stringify({
      file: 'water/project.actuals.yaml',
      edits: [{ path: ['indicators', '1.2', 'deviationReason'], value: '偏'.repeat(20_000) }],
    });
    const r = await post(served, '/api/save', body);
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body).problems[0].code).toBe('TEXT_TOO_LONG');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
