import { text } from '../../errors/texts';
import { revokeCertificates } from '../../pipeline/revoke';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { numberOption, usageError } from '../options';
import { readPassword } from '../password';

export interface RevokeCommandOptions {
  revoke: string[];
  output: string;
  issuer?: string;
  crl?: string;
  revokedAt?: string;
  days?: string;
  force?: boolean;
  json?: boolean;
}

/** When the certificates were revoked: an ISO date-time, now when not given. */
function revokedAt(value: string | undefined, mode: OutputMode): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw usageError(text('usage.dateTime', mode.lang, { option: '--revoked-at', value }));
  return at;
}

/**
 * `jixiao keygen --revoke a.pem [--revoke b.p12] --issuer ca.p12 [--crl ca.crl] -o ca.crl`: the test CA revokes
 * certificates it issued and writes its revocation list (PEM), keeping the entries of the list given with --crl.
 */
export async function revokeCommand(options: RevokeCommandOptions, io: Io, mode: OutputMode): Promise<number> {
  if (!options.issuer) throw usageError(text('usage.missingOption', mode.lang, { name: '--issuer' }));
  const force = options.force === true;
  writeOutput.check(options.output, 'generated', force);
  const days = numberOption('--days', options.days, { min: 1, max: 36500, integer: true }, mode.lang);
  const at = revokedAt(options.revokedAt, mode);
  const password = await readPassword(
    'JIXIAO_CA_PASSWORD',
    text('cli.passwordIssuer', mode.lang, { path: options.issuer }),
  );
  const p12 = options.revoke.find((f) => /\.(p12|pfx)$/i.test(f));
  const p12Password = p12
    ? await readPassword('JIXIAO_P12_PASSWORD', text('cli.passwordFor', mode.lang, { path: p12 }))
    : undefined;
  const { pem, revoked } = revokeCertificates({
    issuer: { file: options.issuer, password },
    certificates: options.revoke,
    ...(p12Password !== undefined ? { p12Password } : {}),
    ...(options.crl ? { previous: options.crl } : {}),
    ...(at ? { at } : {}),
    ...(days !== undefined ? { days } : {}),
  });
  writeOutput(io, options.output, pem, 'generated', force);
  if (options.json) io.out(JSON.stringify({ ok: true, output: options.output, revoked }, null, 2));
  else
    for (const r of revoked)
      io.err(text('cli.revoked', mode.lang, { name: r.name, serial: r.serial, path: options.output }));
  return EXIT.ok;
}
