import { text } from '../../errors/texts';
import { revokeCommand, type RevokeCommandOptions } from './revoke';
import { keygen } from '../../pipeline';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { numberOption, usageError } from '../options';
import { readPassword } from '../password';

export interface KeygenCommandOptions extends Omit<RevokeCommandOptions, 'revoke'> {
  cn?: string;
  revoke?: string[];
  output: string;
  ca?: boolean;
  issuer?: string;
  certOut?: string;
  days?: string;
  force?: boolean;
  json?: boolean;
}

/** `jixiao keygen --cn 名称 -o demo.p12 [--ca] [--issuer ca.p12] [--cert-out ca.pem]`: test certificates only. */
export async function keygenCommand(options: KeygenCommandOptions, io: Io, mode: OutputMode): Promise<number> {
  if (options.revoke && options.revoke.length > 0)
    return revokeCommand({ ...options, revoke: options.revoke }, io, mode);
  const cn = options.cn;
  if (cn === undefined) throw usageError(text('usage.missingOption', mode.lang, { name: '--cn' }));
  const force = options.force === true;
  // keys are protected outputs: refuse before asking for any password
  writeOutput.check(options.output, 'protected', force);
  if (options.certOut) writeOutput.check(options.certOut, 'protected', force);
  const days = numberOption('--days', options.days, { min: 1, max: 36500, integer: true }, mode.lang);
  // a CA's key has the CA's password everywhere: made with --ca and used with --issuer, both from JIXIAO_CA_PASSWORD
  const password = await readPassword(
    options.ca ? 'JIXIAO_CA_PASSWORD' : 'JIXIAO_P12_PASSWORD',
    text('cli.passwordNew', mode.lang),
  );
  const issuerPassword = options.issuer
    ? await readPassword('JIXIAO_CA_PASSWORD', text('cli.passwordIssuer', mode.lang, { path: options.issuer }))
    : '';
  const { p12, pem } = keygen({
    commonName: cn,
    password,
    ...(options.ca ? { ca: true } : {}),
    ...(options.issuer ? { issuer: { file: options.issuer, password: issuerPassword } } : {}),
    ...(days !== undefined ? { days } : {}),
  });
  writeOutput(io, options.output, p12, 'protected', force);
  if (options.certOut) writeOutput(io, options.certOut, pem, 'protected', force);
  if (options.json)
    io.out(JSON.stringify({ ok: true, output: options.output, certificate: options.certOut ?? null, cn }, null, 2));
  else io.err(text('cli.wroteTestCert', mode.lang, { path: options.output, cn }));
  return EXIT.ok;
}
