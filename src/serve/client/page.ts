// What the form's scripts share: the banner that answers the clerk, a refusal said in words, a PDF handed over.

import type { ProblemsReply as Problems } from '../liveTypes';

export const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Says one thing in the banner above the form; `reload` offers to read the file again. */
export function say(message: string, kind: 'ok' | 'error' | 'info', reload = false): void {
  const banner = byId<HTMLElement>('banner');
  banner.hidden = false;
  banner.className = `banner ${kind}`;
  byId('banner-text').textContent = message;
  byId('reload').hidden = !reload;
}

/** A page text with its `{name}` places filled (the catalog's templates, as the server sent them). */
export function filled(template: string | undefined, data: Record<string, string>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_m, key: string) => data[key] ?? '');
}

export function problemsText(p: Problems): string {
  // a fix that ends its sentence needs no further mark before the next problem
  return p.problems
    .map((x) => [x.message, x.fix].filter(Boolean).join(' '))
    .reduce((all, one) => (all === '' ? one : `${all}${/[。.]$/.test(all) ? ' ' : '；'}${one}`), '');
}

/** Hands a PDF answer to the browser as a download under the name the server gave; returns that name. */
export async function download(response: Response, fallback: string): Promise<string> {
  const blob = await response.blob();
  const name =
    decodeURIComponent((response.headers.get('content-disposition') ?? '').replace(/^.*filename\*=UTF-8''/, '')) ||
    fallback;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.id = 'pdf-link';
  document.body.append(link);
  link.click();
  // the address is kept a while: some browsers start reading it only after click() returns
  window.setTimeout(() => {
    URL.revokeObjectURL(link.href);
    link.remove();
  }, 60_000);
  return name;
}
