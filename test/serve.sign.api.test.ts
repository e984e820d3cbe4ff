import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { runCli, tempDir, withPasswords } from './helpers';
import { servedFolder, startServe, type Served } from './serveHarness';

// POST /api/sign and GET /api/signing as the page calls them: what is refused, what is written, what is never kept.

jest.setTimeout(90_000);

const PASSWORD = 'api-signing-test-only';
let served: Served;
let folder: string;
let preparerKey: string;
let reviewerKey: string;

function request(
  method: 'GET' | 'POST',
  pathname: string,
  body?: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = {
      cookie: `jixiao_token=${served.token}`,
      host: `127.0.0.1:${served.port}`,
      origin: served.origin,
      'content-type': 'application/json',
    };
    const req = http.request({ host: '127.0.0.1', port: served.port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const FORM = 'water/project.actuals.yaml';
const signBody = (key: string, role: string, extra: Record<string, unknown> = {}) => ({
  file: FORM,
  role,
  p12: readFileSync(key).toString('base64'),
  p12Name: path.basename(key),
  password: PASSWORD,
  ...extra,
});
const codesOf = (body: Buffer): string[] =>
  (JSON.parse(body.toString()) as { problems: { code: string }[] }).problems.map((p) => p.code);

beforeAll(async () => {
  folder = servedFolder();
  const actuals = path.join(folder, FORM);
  // the names the form prints for the two who sign here
  writeFileSync(
    actuals,
    readFileSync(actuals, 'utf8').replace('signOff:\n', 'signOff:\n  preparer: 演示填表人\n  reviewer: 演示审核人\n'),
  );
  const keys = tempDir('jixiao-api-keys-');
  [preparerKey, reviewerKey] = [path.join(keys, 'preparer.p12'), path.join(keys, 'reviewer.p12')];
  await withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, async () => {
    await runCli('keygen', '--ca', '--cn', '接口测试根证书', '-o', path.join(keys, 'ca.p12'));
    await runCli('keygen', '--cn', '演示填表人', '--issuer', path.join(keys, 'ca.p12'), '-o', preparerKey);
    await runCli('keygen', '--cn', '演示审核人', '--issuer', path.join(keys, 'ca.p12'), '-o', reviewerKey);
  });
  served = await startServe(folder);
});

afterAll(async () => {
  await served.stop();
});

describe('signing through the local server', () => {
  it('a wrong password: WRONG_PASSWORD, the password not echoed, nothing written', async () => {
    const r = await request('POST', '/api/sign', {
      ...signBody(preparerKey, 'preparer'),
      password: 'not-the-password-42',
    });
    expect(r.status).toBe(400);
    expect(codesOf(r.body)).toEqual(['WRONG_PASSWORD']);
    expect(r.body.toString()).not.toContain('not-the-password-42');
    expect(existsSync(path.join(folder, 'water/project.signed.pdf'))).toBe(false);
  });

  it('a request that is not a signing request is refused before any key is read: an unknown role, a key that is not base64', async () => {
    expect((await request('POST', '/api/sign', signBody(preparerKey, '局长'))).status).toBe(400);
    expect(
      (await request('POST', '/api/sign', { ...signBody(preparerKey, 'preparer'), p12: '<not base64>' })).status,
    ).toBe(400);
    expect(
      (await request('POST', '/api/sign', { ...signBody(preparerKey, 'preparer'), file: '../outside.actuals.yaml' }))
        .status,
    ).toBe(403);
  });

  it('GET /api/signing says how far the sign-off has come, from the signed PDF beside the form', async () => {
    const before = JSON.parse(
      (await request('GET', `/api/signing?file=${encodeURIComponent(FORM)}`)).body.toString(),
    ) as Record<string, unknown>;
    expect(before).toEqual({
      signed: [],
      waiting: ['preparer', 'reviewer', 'head', 'seal'],
      current: true,
      text: '未签署（待签：填表人、审核人、单位负责人、单位盖章）',
      pdf: null,
    });
    const r = await request('POST', '/api/sign', signBody(preparerKey, 'preparer'));
    expect([r.status, r.headers['content-type'], decodeURIComponent(String(r.headers['x-jixiao-signer']))]).toEqual([
      200,
      'application/pdf',
      '演示填表人',
    ]);
    expect(readFileSync(path.join(folder, 'water/project.signed.pdf')).equals(r.body)).toBe(true);
    const after = JSON.parse(
      (await request('GET', `/api/signing?file=${encodeURIComponent(FORM)}&lang=en`)).body.toString(),
    ) as Record<string, unknown>;
    expect(after).toEqual({
      signed: ['preparer'],
      waiting: ['reviewer', 'head', 'seal'],
      current: true,
      text: 'Signed: preparer; waiting: reviewer, head of unit, unit seal',
      pdf: 'project.signed.pdf',
    });
  });

  it('a form edited after a signature: SIGNED_FORM_EDITED, the signed PDF left as it was; restart prints the form anew', async () => {
    const kept = path.join(folder, 'water/project.signed.pdf');
    const signed = readFileSync(kept);
    const actuals = path.join(folder, FORM);
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace('phone: 0000-0000000', 'phone: 0000-1111111'));
    const r = await request('POST', '/api/sign', signBody(reviewerKey, 'reviewer'));
    expect([r.status, codesOf(r.body)]).toEqual([400, ['SIGNED_FORM_EDITED']]);
    expect(readFileSync(kept).equals(signed)).toBe(true);
    const status = JSON.parse(
      (await request('GET', `/api/signing?file=${encodeURIComponent(FORM)}`)).body.toString(),
    ) as { current: boolean; text: string };
    expect(status).toMatchObject({
      current: false,
      text: '已签：填表人；待签：审核人、单位负责人、单位盖章；已签的 PDF 与当前的表不一致：签署后表又改过，须从头重新签署',
    });
    // starting again begins with the preparer: the reviewer first is out of order
    expect(
      codesOf((await request('POST', '/api/sign', signBody(reviewerKey, 'reviewer', { restart: true }))).body),
    ).toContain('ROLE_OUT_OF_ORDER');
    const again = await request('POST', '/api/sign', signBody(preparerKey, 'preparer', { restart: true }));
    expect(again.status).toBe(200);
    expect(readFileSync(kept).equals(again.body)).toBe(true);
    expect(
      JSON.parse((await request('GET', `/api/signing?file=${encodeURIComponent(FORM)}`)).body.toString()),
    ).toMatchObject({ signed: ['preparer'], current: true });
  });
});
