import * as path from 'node:path';
import { runCli, tempDir } from './helpers';

/** A CA's key has one password variable: JIXIAO_CA_PASSWORD when it is made (--ca) and when it issues (--issuer). */
async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = { P: process.env.JIXIAO_P12_PASSWORD, C: process.env.JIXIAO_CA_PASSWORD };
  delete process.env.JIXIAO_P12_PASSWORD;
  delete process.env.JIXIAO_CA_PASSWORD;
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of [['JIXIAO_P12_PASSWORD', saved.P], ['JIXIAO_CA_PASSWORD', saved.C]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('keygen passwords', () => {
  const dir = tempDir('jixiao-keygen-');
  const ca = path.join(dir, 'ca.p12');

  it('--ca with only JIXIAO_P12_PASSWORD set: refused, and the message names JIXIAO_CA_PASSWORD', async () => {
    const run = await withEnv({ JIXIAO_P12_PASSWORD: 'p' }, () => runCli('keygen', '--ca', '--cn', '测试CA', '-o', ca));
    expect(run.code).toBe(1);
    expect(run.err).toContain('PASSWORD_REQUIRED: 需要证书密码，但没有设置 JIXIAO_CA_PASSWORD');
    expect(run.err).toContain('设置环境变量 JIXIAO_CA_PASSWORD');
  });

  it('the CA made with JIXIAO_CA_PASSWORD issues a key with the same variable', async () => {
    expect((await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret' }, () => runCli('keygen', '--ca', '--cn', '测试CA', '-o', ca))).code).toBe(0);
    const issued = await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret', JIXIAO_P12_PASSWORD: 'signer-secret' }, () => runCli('keygen', '--cn', '填表人', '--issuer', ca, '-o', path.join(dir, 'signer.p12')));
    expect(issued.code).toBe(0);
    // the signer's own key needs its own variable, and says so
    const noSigner = await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret' }, () => runCli('keygen', '--cn', '审核人', '--issuer', ca, '-o', path.join(dir, 'reviewer.p12')));
    expect(noSigner.err).toContain('没有设置 JIXIAO_P12_PASSWORD');
  });
});
