import { roleFromLabel, ROLE_LABEL } from '../../domain/glossary';
import { inputError } from '../../errors/diagnostic';
import { formatDiagnostic, type Lang } from '../../errors/message';
import { signFile } from '../../pipeline';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';
import { readPassword } from '../password';

export interface SignCommandOptions {
  p12: string;
  role: string;
  reason?: string;
  location?: string;
  seal?: string;
  output?: string;
  allowExpired?: boolean;
}

/** `jixiao sign form.pdf --p12 signer.p12 --role 填表人 -o signed.pdf`; the password from JIXIAO_P12_PASSWORD or a prompt. */
export async function signCommand(pdf: string, options: SignCommandOptions, io: Io, lang: Lang): Promise<number> {
  const role = roleFromLabel(options.role);
  if (!role) throw inputError('UNKNOWN_ROLE', { role: options.role });
  const password = await readPassword('JIXIAO_P12_PASSWORD', lang === 'en' ? `Password for ${options.p12}: ` : `请输入证书 ${options.p12} 的密码：`);
  const result = await signFile(pdf, {
    p12: options.p12,
    password,
    role,
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.location !== undefined ? { location: options.location } : {}),
    ...(options.seal !== undefined ? { seal: options.seal } : {}),
    ...(options.allowExpired ? { allowExpired: true } : {}),
  });
  for (const w of result.warnings) io.err(formatDiagnostic(w, lang));
  const output = options.output ?? pdf;
  writeFileAtomic(output, result.pdf);
  io.err(lang === 'en' ? `Signed as ${role} by ${result.signer}: ${output}` : `${ROLE_LABEL[role]}「${result.signer}」已签署：${output}`);
  return EXIT.ok;
}
