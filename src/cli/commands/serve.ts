import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { inputError } from '../../errors/diagnostic';
import { text } from '../../errors/texts';
import { sha256Hex } from '../../pipeline';
import { isLoopback, startServer, type FormStore } from '../../serve';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';
import { numberOption } from '../options';
import { signalled } from '../signals';

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  allowRemote?: boolean;
  open?: boolean;
  timeout?: string;
}

/** The documented default port of `jixiao serve`. */
export const DEFAULT_PORT = 8470;

/** The server's writes: atomic, never over a file that changed since it was read, never over an existing new file. */
const store: FormStore = {
  replace(file, content, expectedSha256) {
    if (sha256Hex(readFileSync(file)) !== expectedSha256) throw inputError('FORM_CHANGED_ON_DISK', { path: file });
    writeFileAtomic(file, content);
  },
  create(file, content) {
    if (existsSync(file)) throw inputError('OUTPUT_EXISTS', { path: file });
    writeFileAtomic(file, content);
  },
};

/** Opens the address in the system's browser (a detached child: jixiao does not wait for it). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * `jixiao serve [folder]`: the local web form, until Ctrl-C or SIGTERM; then the server and its printing browser close.
 * Loopback only unless --allow-remote; the address printed carries a random access token.
 */
export async function serveCommand(
  folder: string | undefined,
  options: ServeCommandOptions,
  io: Io,
  mode: OutputMode,
  stopSignal: () => Promise<void> = signalled,
): Promise<number> {
  const { lang } = mode;
  const port = numberOption('--port', options.port, { min: 0, max: 65535, integer: true }, lang) ?? DEFAULT_PORT;
  const timeoutMs = numberOption('--timeout', options.timeout, { min: 1000, max: 600000, integer: true }, lang);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) throw inputError('SERVE_HOST_NOT_LOOPBACK', { host });
  const stopped = stopSignal();
  const server = await startServer({
    folder: folder ?? '.',
    host,
    port,
    lang,
    store,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  if (!isLoopback(host)) io.err(text('serve.remoteWarning', lang, { host }));
  io.err(text('serve.started', lang, { url: server.url }));
  if (options.open) openBrowser(server.url);
  await stopped;
  await server.close();
  io.err(text('serve.stopped', lang));
  return EXIT.ok;
}
