import { inputError } from '../errors/diagnostic';
import { readInput } from '../load/files';
import { readRevocationList, type RevocationList } from '../sign/revocation';

/** How long a CRL's address may take to answer. */
const FETCH_TIMEOUT_MS = 10_000;

const isAddress = (source: string): boolean => /^https?:\/\//i.test(source);

/**
 * The CRLs a reader names with --crl: files (DER or PEM) or http(s) addresses, fetched only because the reader
 * named them. A source that gives no CRL is an input error, never skipped: a typo must not check nothing.
 */
export async function revocationLists(sources: readonly string[]): Promise<RevocationList[]> {
  const lists: RevocationList[] = [];
  for (const source of sources) {
    const bytes = isAddress(source) ? await fetched(source) : readInput(source, 'crl');
    try {
      lists.push(readRevocationList(bytes));
    } catch {
      throw inputError('CRL_UNREADABLE', { path: source });
    }
  }
  return lists;
}

async function fetched(url: string): Promise<Buffer> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw inputError('CRL_UNREACHABLE', { url, detail: (error as Error).message });
  }
}
