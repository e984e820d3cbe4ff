import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './helpers';
import { servedFolder, startServe } from './serveHarness';

// The forms page: every form under the folder with the status a clerk needs to see.

jest.setTimeout(90_000);

const SIGN_ENV = { JIXIAO_P12_PASSWORD: 'serve-test' };

test('the forms page shows 草稿, 可出表 and 已签署 with totals and grades; an unreadable file opens as its errors at their lines', async () => {
  const folder = servedFolder();
  const water = (f: string): string => path.join(folder, 'water', f);
  // a draft: the init skeleton of the definitions, nothing filled
  expect(
    (
      await runCli(
        'init',
        path.join(folder, 'new/project.indicators.yaml'),
        '-o',
        path.join(folder, 'new/draft.actuals.yaml'),
      )
    ).code,
  ).toBe(0);
  // a file with a YAML syntax error
  writeFileSync(water('broken.actuals.yaml'), 'definitions: ./project.indicators.yaml\nbudget: [1, 2\n');
  // signed: its PDF printed and signed beside it, embedding this very file
  cpSync(water('project.actuals.yaml'), water('signed.actuals.yaml'));
  const old = { ...process.env };
  Object.assign(process.env, SIGN_ENV);
  try {
    expect((await runCli('render', water('signed.actuals.yaml'), '-o', water('signed.pdf'))).code).toBe(0);
    expect((await runCli('keygen', '--cn', '演示填表人', '-o', water('preparer.p12'))).code).toBe(0);
    expect(
      (
        await runCli(
          'sign',
          water('signed.pdf'),
          '--p12',
          water('preparer.p12'),
          '--role',
          '填表人',
          '-o',
          water('signed.signed.pdf'),
        )
      ).code,
    ).toBe(0);
  } finally {
    process.env = old;
  }

  const served = await startServe(folder);
  try {
    const get = async (p: string): Promise<{ status: number; body: string }> => {
      const r = await fetch(`${served.origin}${p}`, { headers: { cookie: `jixiao_token=${served.token}` } });
      return { status: r.status, body: await r.text() };
    };
    const list = (await get('/')).body;
    const rows = [
      ...list.matchAll(
        /<tr class="form-entry status-(\w+)" data-file="([^"]+)">[\s\S]*?<td class="num status">([^<]*)<\/td>\s*<td class="num total">([^<]*)<\/td>\s*<td class="num grade">([^<]*)<\/td>/g,
      ),
    ].map((m) => [m[2], m[1], m[3], m[4], m[5]]);
    expect(rows).toEqual([
      ['markup/project.actuals.yaml', 'ready', '可出表', '99.8', '优'],
      ['new/draft.actuals.yaml', 'draft', '草稿', '0', '差'],
      ['water/broken.actuals.yaml', 'invalid', '草稿（有错误）', '', ''],
      ['water/override.actuals.yaml', 'ready', '可出表', '98.8', '优'],
      ['water/project.actuals.yaml', 'ready', '可出表', '99.8', '优'],
      ['water/signed.actuals.yaml', 'signed', '已签署', '99.8', '优'],
    ]);
    // new/project.indicators.yaml is being filled (draft.actuals.yaml names it): nothing left to start

    expect(list).not.toContain('未填');

    // editing the signed form again makes its signature stale: it is 可出表 again, not 已签署
    appendFileSync(water('signed.actuals.yaml'), '# 改过\n');
    expect((await get('/')).body).toMatch(/data-file="water\/signed\.actuals\.yaml">[\s\S]*?可出表/);

    const broken = await get('/form?file=water%2Fbroken.actuals.yaml');
    expect(broken.status).toBe(400);
    // at the same place `jixiao score` reports it
    const cli = JSON.parse((await runCli('score', water('broken.actuals.yaml'), '--json')).out) as {
      errors: { line: number; column: number; code: string }[];
    };
    expect(cli.errors[0]!.code).toBe('YAML_SYNTAX');
    expect(broken.body).toContain(
      `broken.actuals.yaml:${cli.errors[0]!.line}:${cli.errors[0]!.column}: 错误 YAML_SYNTAX`,
    );
  } finally {
    await served.stop();
  }
});
