import { existsSync } from 'node:fs';
import { inputError } from '../../errors/diagnostic';
import type { Lang } from '../../errors/message';
import { keygen } from '../../pipeline';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';
import { readPassword } from '../password';

export interface KeygenCommandOptions {
  cn: string;
  output: string;
  ca?: boolean;
  issuer?: string;
  certOut?: string;
  days?: string;
  force?: boolean;
}

/** `jixiao keygen --cn 名称 -o demo.p12 [--ca] [--issuer ca.p12] [--cert-out ca.pem]`: test certificates only. */
export async function keygenCommand(options: KeygenCommandOptions, io: Io, lang: Lang): Promise<number> {
  if (existsSync(options.output) && !options.force) throw inputError('OUTPUT_EXISTS', { path: options.output });
  const days = options.days === undefined ? undefined : Number(options.days);
  if (days !== undefined && !Number.isFinite(days)) throw inputError('USAGE', { detail: `--days 应为数字，实际是 ${options.days}` });
  const password = await readPassword('JIXIAO_P12_PASSWORD', lang === 'en' ? 'Password for the new certificate: ' : '请设置新证书的密码：');
  const issuerPassword = options.issuer ? await readPassword('JIXIAO_CA_PASSWORD', lang === 'en' ? `Password for ${options.issuer}: ` : `请输入颁发者证书 ${options.issuer} 的密码：`) : '';
  const { p12, pem } = keygen({
    commonName: options.cn,
    password,
    ...(options.ca ? { ca: true } : {}),
    ...(options.issuer ? { issuer: { file: options.issuer, password: issuerPassword } } : {}),
    ...(days !== undefined ? { days } : {}),
  });
  writeFileAtomic(options.output, p12);
  if (options.certOut) writeFileAtomic(options.certOut, pem);
  io.err(lang === 'en' ? `Wrote test certificate ${options.output} (CN=${options.cn}, marked TEST ONLY)` : `已生成测试证书 ${options.output}（CN=${options.cn}，主题中标明“仅供测试”）`);
  return EXIT.ok;
}
