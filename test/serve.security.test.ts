import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { ROOT, tempDir, until } from './helpers';
import { servedFolder, startServe, type Served } from './serveHarness';

// What `jixiao serve` refuses, asked over plain HTTP on loopback as an attacker's page or a stray program would.

jest.setTimeout(60_000);

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  s: Served,
  pathname: string,
  options: {
    method?: string;
    host?: string;
    cookie?: boolean;
    origin?: string | null;
    body?: string;
    type?: string;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${s.port}` };
  if (options.cookie !== false) headers.cookie = `jixiao_token=${s.token}`;
  if (options.origin !== null && options.method === 'POST') headers.origin = options.origin ?? s.origin;
  if (options.body !== undefined) headers['content-type'] = options.type ?? 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: s.port, path: pathname, method: options.method ?? 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const scoreBody = (file: string, edits: { path: string[]; value: string }[] = []): string =>
  JSON.stringify({ file, edits });

let folder: string;
let outside: string;
let served: Served;

beforeAll(async () => {
  folder = servedFolder();
  // a form outside the served folder, and a link inside it that leads there
  outside = tempDir('jixiao-outside-');
  writeFileSync(
    path.join(outside, 'secret.actuals.yaml'),
    readFileSync(path.join(folder, 'water/project.actuals.yaml')),
  );
  symlinkSync(path.join(outside, 'secret.actuals.yaml'), path.join(folder, 'water/link.actuals.yaml'));
  served = await startServe(folder);
});

afterAll(async () => {
  await served?.stop();
});

describe('jixiao serve refuses', () => {
  test('every request without the token (401); the token once in the address becomes an HttpOnly SameSite=Strict cookie', async () => {
    for (const p of ['/', '/form?file=water%2Fproject.actuals.yaml', '/assets/form.js'])
      expect((await request(served, p, { cookie: false })).status).toBe(401);
    expect(
      (
        await request(served, '/api/score', {
          method: 'POST',
          cookie: false,
          body: scoreBody('water/project.actuals.yaml'),
        })
      ).status,
    ).toBe(401);
    expect((await request(served, '/?token=0123', { cookie: false })).status).toBe(401);
    const refused = await request(served, '/', { cookie: false });
    expect(refused.body).toContain('需要访问令牌');
    const first = await request(served, `/?token=${served.token}`, { cookie: false });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(
      new RegExp(`^jixiao_token=${served.token}; Path=/; HttpOnly; SameSite=Strict$`),
    );
    expect((await request(served, '/')).status).toBe(200);
  });

  test("a Host that is not the server's own (DNS rebinding) with 403, whatever the cookie", async () => {
    for (const host of [
      `evil.example:${served.port}`,
      `127.0.0.1.nip.io:${served.port}`,
      '127.0.0.1',
      `127.0.0.1:${served.port + 1}`,
    ]) {
      expect((await request(served, '/', { host })).status).toBe(403);
      expect(
        (await request(served, '/api/save', { host, method: 'POST', body: scoreBody('water/project.actuals.yaml') }))
          .status,
      ).toBe(403);
    }
    expect((await request(served, '/', { host: `localhost:${served.port}` })).status).toBe(200);
  });

  test('a request that changes anything from another origin, or with none, with 403', async () => {
    const body = scoreBody('water/project.actuals.yaml', [{ path: ['indicators', '1.1', 'actual'], value: '1处' }]);
    const before = readFileSync(path.join(folder, 'water/project.actuals.yaml'));
    for (const origin of ['http://evil.example', `http://localhost:${served.port + 1}`, 'null', null]) {
      const r = await request(served, '/api/save', { method: 'POST', origin, body });
      expect(r.status).toBe(403);
    }
    expect(readFileSync(path.join(folder, 'water/project.actuals.yaml')).equals(before)).toBe(true);
    expect(
      (
        await request(served, '/new', {
          method: 'POST',
          origin: 'http://evil.example',
          body: 'definitions=new%2Fproject.indicators.yaml',
          type: 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(403);
    expect((await request(served, '/api/score', { method: 'POST', body })).status).toBe(200);
  });

  test('paths outside the folder: ../, absolute paths and a symlink leading out (403 PATH_OUTSIDE_FOLDER)', async () => {
    const secret = path.join(outside, 'secret.actuals.yaml');
    for (const file of [
      '../secret.actuals.yaml',
      `../${path.basename(outside)}/secret.actuals.yaml`,
      secret,
      'water/../../x.actuals.yaml',
      'water/link.actuals.yaml',
      'water\\..\\..\\x.yaml',
    ]) {
      const api = await request(served, '/api/score', { method: 'POST', body: scoreBody(file) });
      expect([file, api.status]).toEqual([file, 403]);
      expect(JSON.parse(api.body).problems[0].code).toBe('PATH_OUTSIDE_FOLDER');
      const page = await request(served, `/form?file=${encodeURIComponent(file)}`);
      expect(page.status).toBe(403);
      expect(page.body).toContain('不在所服务的文件夹之内');
    }
    // the forms page does not list the link either
    expect((await request(served, '/')).body).not.toContain('link.actuals.yaml');
    // nor can an edit point the form at other definitions
    const redirected = await request(served, '/api/save', {
      method: 'POST',
      body: scoreBody('water/project.actuals.yaml', [{ path: ['definitions'], value: secret }]),
    });
    expect(redirected.status).toBe(400);
    expect(JSON.parse(redirected.body).problems[0].code).toBe('FIELD_NOT_EDITABLE');
  });

  test('a save made against an older copy of the file (409 FORM_CHANGED_ON_DISK), leaving the file as it is', async () => {
    const file = path.join(folder, 'water/override.actuals.yaml');
    const before = readFileSync(file);
    const body = JSON.stringify({
      file: 'water/override.actuals.yaml',
      baseHash: '0'.repeat(64),
      edits: [{ path: ['indicators', '1.1', 'actual'], value: '1处' }],
    });
    const r = await request(served, '/api/save', { method: 'POST', body });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body).problems[0]).toMatchObject({
      code: 'FORM_CHANGED_ON_DISK',
      fix: expect.stringContaining('重新载入'),
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('a body over the limit (413) and a malformed one (400)', async () => {
    const huge = scoreBody('water/project.actuals.yaml', [
      { path: ['overallGoal', 'actual'], value: 'x'.repeat(300 * 1024) },
    ]);
    expect((await request(served, '/api/score', { method: 'POST', body: huge })).status).toBe(413);
    expect((await request(served, '/api/score', { method: 'POST', body: '{"file": 1}' })).status).toBe(400);
    expect((await request(served, '/api/score', { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  test('every answer carries a strict Content-Security-Policy with no external origin and no inline script', async () => {
    for (const p of ['/', '/form?file=water%2Fproject.actuals.yaml', '/assets/form.js', '/nowhere']) {
      const r = await request(served, p);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cache-control']).toBe('no-store');
    }
    // and the pages have no inline script or style attribute for it to block
    const page = (await request(served, '/form?file=water%2Fproject.actuals.yaml')).body;
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/form.js" defer>']);
    expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  test('a department named with markup prints as text on the forms page and the form', async () => {
    const list = (await request(served, '/')).body;
    const page = (await request(served, '/form?file=markup%2Fproject.actuals.yaml')).body;
    for (const html of [list, page]) {
      expect(html).toContain('&lt;script&gt;window.pwned&#x3D;1&lt;/script&gt;&lt;b&gt;水利局&lt;/b&gt;');
      expect(html).not.toContain('<script>window.pwned');
      expect(html).not.toContain('<b>水利局');
    }
  });
});

describe('jixiao serve, started and stopped', () => {
  test('Ctrl-C stops the server and the browser it kept for printing, exit 0', async () => {
    const s = await startServe(servedFolder());
    try {
      await stopsWithItsBrowser(s);
    } finally {
      await s.stop();
    }
  });

  async function stopsWithItsBrowser(s: Served): Promise<void> {
    // a PDF makes it start its browser
    const pdf = await request(s, '/api/pdf', { method: 'POST', body: scoreBody('water/project.actuals.yaml') });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(s.process.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(children.length).toBeGreaterThan(0);
    expect(await s.stop()).toBe(0);
    expect(s.stderr()).toContain('填报网页已停止');
    const alive = children.filter((pid) => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }

  test('--open hands the address with its token to the system browser (xdg-open)', async () => {
    const bin = tempDir('jixiao-fake-bin-');
    const opened = path.join(bin, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > "${opened}"\n`, { mode: 0o755 });
    const s = await startServe(servedFolder(), ['--open'], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    try {
      await until(() => existsSync(opened), 20_000);
      expect(readFileSync(opened, 'utf8').trim()).toBe(s.url);
    } finally {
      await s.stop();
    }
  });

  test('--host other than loopback only with --allow-remote; a port in use is said plainly (exit 1)', async () => {
    const bin = path.join(ROOT, 'dist/cli/main.js');
    const remote = spawnSync(process.execPath, [bin, 'serve', folder, '--host', '0.0.0.0'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(remote.status).toBe(1);
    expect(remote.stderr).toContain('SERVE_HOST_NOT_LOOPBACK');
    expect(remote.stderr).toContain('--allow-remote');
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const inUse = spawnSync(process.execPath, [bin, 'serve', folder, '--port', String(port)], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(inUse.status).toBe(1);
      expect(inUse.stderr).toContain(`SERVE_PORT_IN_USE`);
      expect(inUse.stderr).toContain(`端口 ${port} 已被占用`);
    } finally {
      busy.close();
    }
  });
});
