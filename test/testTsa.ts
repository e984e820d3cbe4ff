import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

// A time-stamping authority for the tests: openssl's (`openssl ts -reply`) behind a loopback HTTP server, with a
// root and a leaf for time-stamping only. Two of them: /tsr answers as "jixiao test TSA", /other as an unknown TSA.

/** A TSA: openssl makes the reply to each query (its own root, and a leaf for time-stamping only). */
function makeTsa(dir: string, name: string, prefix: string): string {
  const at = (f: string): string => path.join(dir, f);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${prefix}-root.key`,
    '-out',
    `${prefix}-root.pem`,
    '-subj',
    `/CN=${name} root`,
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${prefix}.key`,
    '-out',
    `${prefix}.csr`,
    '-subj',
    `/CN=${name}`,
  );
  writeFileSync(
    at(`${prefix}.ext`),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${prefix}.csr`,
    '-CA',
    `${prefix}-root.pem`,
    '-CAkey',
    `${prefix}-root.key`,
    '-CAcreateserial',
    '-out',
    `${prefix}.pem`,
    '-days',
    '30',
    '-extfile',
    `${prefix}.ext`,
  );
  writeFileSync(at(`${prefix}.serial`), '01\n');
  const config = at(`${prefix}.cnf`);
  writeFileSync(
    config,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${at(`${prefix}.serial`)}`,
      'crypto_device = builtin',
      `signer_cert = ${at(`${prefix}.pem`)}`,
      `certs = ${at(`${prefix}-root.pem`)}`,
      `signer_key = ${at(`${prefix}.key`)}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return config;
}

export interface TestTsa {
  /** The URL of the trusted TSA; `other` of a TSA whose root nobody trusts. */
  url: string;
  other: string;
  /** The root certificate of the trusted TSA (and of the other), as PEM files. */
  root: string;
  otherRoot: string;
  /** How many requests the TSAs have answered. */
  requests(): number;
  close(): Promise<void>;
}

/** Starts the test TSAs on 127.0.0.1 (an ephemeral port), their keys and configuration in `dir`. */
export async function startTestTsa(dir: string): Promise<TestTsa> {
  const at = (f: string): string => path.join(dir, f);
  const configs = { good: makeTsa(dir, 'jixiao test TSA', 'tsa'), other: makeTsa(dir, 'unknown TSA', 'other') };
  let requests = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      requests++;
      const id = `${Date.now()}-${requests}`;
      writeFileSync(at(`${id}.tsq`), Buffer.concat(chunks));
      const config = request.url === '/other' ? configs.other : configs.good;
      execFile(
        'openssl',
        ['ts', '-reply', '-config', config, '-queryfile', at(`${id}.tsq`), '-out', at(`${id}.tsr`)],
        (error, _stdout, stderr) => {
          if (error) {
            // said where a failing run shows it: the client only sees HTTP 500
            console.error(`test TSA: openssl ts -reply failed: ${stderr}`);
            response.writeHead(500).end();
            return;
          }
          response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(readFileSync(at(`${id}.tsr`)));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/tsr`,
    other: `${base}/other`,
    root: at('tsa-root.pem'),
    otherRoot: at('other-root.pem'),
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
