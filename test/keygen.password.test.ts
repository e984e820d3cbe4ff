import * as path from 'node:path';
import { runCli, tempDir, withPasswords as withEnv } from './helpers';

/** A CA's key has one password variable: JIXIAO_CA_PASSWORD when it is made (--ca) and when it issues (--issuer). */

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
    expect(
      (await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret' }, () => runCli('keygen', '--ca', '--cn', '测试CA', '-o', ca)))
        .code,
    ).toBe(0);
    const issued = await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret', JIXIAO_P12_PASSWORD: 'signer-secret' }, () =>
      runCli('keygen', '--cn', '填表人', '--issuer', ca, '-o', path.join(dir, 'signer.p12')),
    );
    expect(issued.code).toBe(0);
    // the signer's own key needs its own variable, and says so
    const noSigner = await withEnv({ JIXIAO_CA_PASSWORD: 'ca-secret' }, () =>
      runCli('keygen', '--cn', '审核人', '--issuer', ca, '-o', path.join(dir, 'reviewer.p12')),
    );
    expect(noSigner.err).toContain('没有设置 JIXIAO_P12_PASSWORD');
  });
});
