import type { CliRun } from './helpers';

/** One certificate made with `jixiao keygen` as a user would: a CA (with `ca`) or one issued by `issuer`. */
export interface KeyRequest {
  cn: string;
  p12: string;
  pem?: string;
  ca?: boolean;
  issuer?: string;
}

/** Makes each certificate with the CLI (the passwords already in the environment `cli` sets); a failure says why. */
export async function makeKeys(
  cli: (...argv: string[]) => Promise<CliRun>,
  keys: readonly KeyRequest[],
): Promise<void> {
  for (const key of keys) {
    const run = await cli(
      'keygen',
      ...(key.ca ? ['--ca'] : []),
      '--cn',
      key.cn,
      ...(key.issuer ? ['--issuer', key.issuer] : []),
      '-o',
      key.p12,
      ...(key.pem ? ['--cert-out', key.pem] : []),
    );
    if (run.code !== 0) throw new Error(`keygen ${key.cn} exited ${run.code}: ${run.err}`);
  }
}
