// Signing from the page: the signer picks a role, a .p12 and types its password; the local server signs with the
// same code as `jixiao sign` and answers with the signed PDF. The key and password leave the page in that one
// request and are cleared from the page once it is answered.

import type { ProblemsReply as Problems } from '../liveTypes';
import { byId, download, filled, problemsText, say } from './page';

type Fill = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Controls {
  role: HTMLSelectElement;
  key: HTMLInputElement;
  password: HTMLInputElement;
  restart: HTMLInputElement;
}

export interface SigningHooks {
  file: string;
  lang: 'zh' | 'en';
  t: Record<string, string>;
  fills: Fill[];
  dirty(): boolean;
  save(): Promise<boolean>;
}

interface SigningStatus {
  text: string;
  signed: string[];
  waiting: string[];
  current: boolean;
}

/** Every cell read-only (a signed form is not edited by accident), or editable again. */
function lock(fills: readonly Fill[], locked: boolean): void {
  for (const f of fills) {
    if (f instanceof HTMLSelectElement) f.disabled = locked;
    else f.readOnly = locked;
  }
  document.body.dataset.locked = String(locked);
}

/** The bytes of a chosen file in base64, as JSON carries them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Wires the sign-off section; `refresh` reads how far the sign-off has come again (after a save, say). */
export function setupSigning(h: SigningHooks): { refresh(pickNext?: boolean): Promise<void> } {
  const section = byId<HTMLElement>('signing');
  const role = byId<HTMLSelectElement>('sign-role');
  const key = byId<HTMLInputElement>('sign-key');
  const password = byId<HTMLInputElement>('sign-password');
  const restart = byId<HTMLInputElement>('sign-restart');

  const show = (status: SigningStatus, pickNext: boolean): void => {
    byId('signing-status').textContent = status.text;
    section.dataset.signed = String(status.signed.length > 0);
    section.dataset.current = String(status.current);
    // after a signature the next role is offered; a refusal leaves the signer's own choice alone
    const next = status.waiting[0];
    if (next && pickNext) role.value = next;
  };
  const refresh = async (pickNext = false): Promise<void> => {
    const query = `file=${encodeURIComponent(h.file)}${h.lang === 'en' ? '&lang=en' : ''}`;
    const response = await fetch(`/api/signing?${query}`, { credentials: 'same-origin' });
    if (response.ok) show((await response.json()) as SigningStatus, pickNext);
  };

  // a signed form opens read-only: editing it makes the signed PDF stale, so the clerk is told before, not after
  if (section.dataset.signed === 'true' && section.dataset.current === 'true') {
    lock(h.fills, true);
    byId('signed-lock').hidden = false;
  }
  byId('edit-signed').addEventListener('click', () => {
    lock(h.fills, false);
    byId('signed-lock').hidden = true;
    say(h.t.signedLocked ?? '', 'info');
  });

  const sign = (): Promise<void> => signFromPage(h, { role, key, password, restart }, refresh);
  key.addEventListener('change', () => {
    byId('sign-key-name').textContent = key.files?.[0]?.name ?? h.t.signNoKey ?? '';
  });
  byId('sign').addEventListener('click', () => void sign());
  return { refresh };
}

/** One signature from the page: save first if need be, send key and password once, hand over the signed PDF. */
async function signFromPage(
  h: SigningHooks,
  c: Controls,
  refresh: (pickNext?: boolean) => Promise<void>,
): Promise<void> {
  const { role, key, password, restart } = c;
  const chosen = key.files?.[0];
  if (!chosen || password.value === '') return say(h.t.signNeedsKey ?? '', 'error');
  if (h.dirty() && !(await h.save())) return;
  say(h.t.signing ?? '', 'info');
  const body = {
    file: h.file,
    role: role.value,
    p12: await base64Of(chosen),
    p12Name: chosen.name,
    password: password.value,
    restart: restart.checked,
    lang: h.lang,
  };
  const response = await fetch('/api/sign', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  password.value = '';
  key.value = '';
  byId('sign-key-name').textContent = h.t.signNoKey ?? '';
  if (!response.ok) {
    say(`${h.t.signRefused ?? ''} ${problemsText((await response.json()) as Problems)}`, 'error');
    return refresh();
  }
  const signer = decodeURIComponent(response.headers.get('x-jixiao-signer') ?? '');
  const roleLabel = role.selectedOptions[0]?.textContent ?? '';
  const name = await download(response, 'signed.pdf');
  restart.checked = false;
  await refresh(true);
  lock(h.fills, false);
  say(filled(h.t.signedDone, { role: roleLabel, signer, file: name }), 'ok');
  document.body.dataset.signedAs = body.role;
}
