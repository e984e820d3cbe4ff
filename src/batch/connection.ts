import type { RedisOptions } from 'bullmq';
import IORedis from 'ioredis';
import { inputError } from '../errors/diagnostic';
import { textRef } from '../errors/texts';

/** The queue every batch and worker use; jobs are named after the form they print. */
export const QUEUE_NAME = 'jixiao-forms';

/** redis://[user:password@]host:port[/db] → connection options, or a clear refusal. */
export function queueConnection(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inputError('QUEUE_URL_INVALID', { url, detail: textRef('queue.url.notAddress') });
  }
  if (parsed.protocol !== 'redis:')
    throw inputError('QUEUE_URL_INVALID', { url, detail: textRef('queue.url.scheme', { scheme: parsed.protocol }) });
  if (!parsed.hostname || !parsed.port)
    throw inputError('QUEUE_URL_INVALID', { url, detail: textRef('queue.url.hostPort') });
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db))
    throw inputError('QUEUE_URL_INVALID', { url, detail: textRef('queue.url.db', { db }) });
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    // BullMQ's blocking connections must wait for Redis rather than give up a command
    maxRetriesPerRequest: null,
  };
}

/**
 * Connects once, quickly, before any queue is made: an address nobody answers is refused in seconds with the
 * reason, instead of BullMQ retrying it for ever.
 */
export async function checkQueue(url: string, connection: RedisOptions): Promise<void> {
  const client = new IORedis({
    ...connection,
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // the socket's own error (ECONNREFUSED…) says more than the client's "Connection is closed"
  let cause: Error | undefined;
  client.on('error', (error: Error) => {
    cause ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw inputError('QUEUE_UNREACHABLE', { url, detail: (cause ?? (error as Error)).message.split('\n')[0] ?? '' });
  } finally {
    client.disconnect();
  }
}
