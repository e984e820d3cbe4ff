import { signRoleFromLabel } from '../../domain/glossary';
import { inputError } from '../../errors/diagnostic';
import { text } from '../../errors/texts';
import { signFile } from '../../pipeline';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import { writeOutput, writeRevision, type Io } from '../io';
import { tsaFromEnv } from '../options';
import { readPassword } from '../password';

export interface SignCommandOptions {
  p12: string;
  role: string;
  reason?: string;
  location?: string;
  seal?: string;
  output?: string;
  allowExpired?: boolean;
  allowNameMismatch?: boolean;
  /** A URL; false with --no-tsa; undefined: JIXIAO_TSA, if set. */
  tsa?: string | false;
  json?: boolean;
}

/** `jixiao sign form.pdf --p12 signer.p12 --role 填表人 [-o signed.pdf]`; the password from JIXIAO_P12_PASSWORD or a prompt. */
export async function signCommand(pdf: string, options: SignCommandOptions, io: Io, mode: OutputMode): Promise<number> {
  const role = signRoleFromLabel(options.role);
  if (!role) throw inputError('UNKNOWN_ROLE', { role: options.role });
  if (options.output !== undefined) writeOutput.check(options.output, 'generated');
  const password = await readPassword('JIXIAO_P12_PASSWORD', text('cli.passwordFor', mode.lang, { path: options.p12 }));
  // a signer who always stamps sets the authority once; --no-tsa leaves it out for one signature
  const tsa = options.tsa === false ? undefined : (options.tsa ?? tsaFromEnv());
  const sign = () =>
    signFile(pdf, {
      p12: options.p12,
      password,
      role,
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
      ...(options.location !== undefined ? { location: options.location } : {}),
      ...(options.seal !== undefined ? { seal: options.seal } : {}),
      ...(options.allowExpired ? { allowExpired: true } : {}),
      ...(options.allowNameMismatch ? { allowNameMismatch: true } : {}),
      ...(tsa !== undefined ? { tsa } : {}),
    });
  // Signing adds a revision to the same document: in place by default, like any generated output otherwise.
  // In place, two signers at once must not lose either signature: a lock for the update, and the file must
  // still be what was read when the signed one replaces it.
  const output = options.output ?? pdf;
  const result = await writeRevision(io, pdf, output, sign);
  if (options.json) {
    io.out(
      JSON.stringify(
        { ok: true, output, role, signer: result.signer, warnings: result.warnings.map((w) => w.code) },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  printDiagnostics(io, mode, result.warnings);
  io.err(text('cli.signed', mode.lang, { role: text(`role.${role}`, mode.lang), signer: result.signer, path: output }));
  return EXIT.ok;
}
