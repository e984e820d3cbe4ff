import { beijingClock } from '../../domain/beijingTime';
import { text } from '../../errors/texts';
import { ltvFile } from '../../pipeline/ltv';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, writeRevision, type Io } from '../io';
import { tsaFromEnv, usageError } from '../options';

export interface LtvCommandOptions {
  tsa?: string;
  crl?: string[];
  output?: string;
  json?: boolean;
}

/**
 * `jixiao ltv signed.pdf --tsa URL [--crl ca.crl …] [-o out.pdf]`: appends the validation data and a document
 * timestamp, in place by default (under the same lock as signing: a signer and ltv at once lose nothing).
 */
export async function ltvCommand(pdf: string, options: LtvCommandOptions, io: Io, mode: OutputMode): Promise<number> {
  const tsa = options.tsa ?? tsaFromEnv();
  if (tsa === undefined) throw usageError(text('usage.missingOption', mode.lang, { name: '--tsa' }));
  if (options.output !== undefined) writeOutput.check(options.output, 'generated');
  const add = () => ltvFile(pdf, { tsa, crl: options.crl ?? [] });
  const output = options.output ?? pdf;
  const result = await writeRevision(io, pdf, output, add);
  const facts = { certificates: result.certificates, crls: result.crls, time: beijingClock(result.time), path: output };
  if (options.json) io.out(JSON.stringify({ ok: true, output, ...facts }, null, 2));
  else io.err(text('cli.ltvDone', mode.lang, facts));
  return EXIT.ok;
}
