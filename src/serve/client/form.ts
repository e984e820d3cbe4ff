// The web form's few hundred lines in the browser. It never scores: each edit is sent to the server, which runs the
// same loader and scorer as `jixiao score`, and the page shows what comes back. Bundled by esbuild at build time.

import type { LiveMark as Mark, LiveResult as Live, ProblemsReply as Problems } from '../liveTypes';
import { byId, download, filled, problemsText, say } from './page';
import { setupSigning } from './signing';

type Fill = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const SCORE_DELAY_MS = 150;

const main = document.getElementById('form') as HTMLElement;
const t = JSON.parse(main.dataset.texts ?? '{}') as Record<string, string>;
const file = main.dataset.file ?? '';
const lang = main.dataset.lang === 'en' ? 'en' : 'zh';
let baseHash = main.dataset.hash ?? '';
const fills = Array.from(main.querySelectorAll<Fill>('.fill[data-field]'));
const saved = new Map<Fill, string>(fills.map((f) => [f, f.value]));

const status = byId<HTMLElement>('status');

function edits(): { path: string[]; value: string }[] {
  return fills
    .filter((f) => f.value !== saved.get(f))
    .map((f) => ({ path: JSON.parse(f.dataset.field ?? '[]') as string[], value: f.value }));
}

const dirty = (): boolean => fills.some((f) => f.value !== saved.get(f));

async function post(url: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ file, edits: edits(), lang, ...extra }),
    credentials: 'same-origin',
  });
}

/** Clears every message the last answer put on the page. */
function clearMarks(): void {
  for (const el of main.querySelectorAll('.cell-mark')) el.remove();
  for (const el of main.querySelectorAll('.marked'))
    el.classList.remove('marked', 'mark-error', 'mark-pending', 'mark-warning', 'mark-info');
  for (const f of fills) f.removeAttribute('aria-invalid');
  byId('other-marks').replaceChildren();
  byId('other-marks-section').hidden = true;
}

/** The element a message belongs to: its cell, else the row's 实际完成值, else nothing (listed under the form). */
function targetOf(m: Mark): HTMLElement | null {
  const field = m.field ? (JSON.parse(m.field) as string[]) : [];
  // the cell asked about, else its nearest enclosing cell (but never past the row)
  for (
    let path = field;
    path.length > 0 && !(path.length === 2 && path[0] === 'indicators');
    path = path.slice(0, -1)
  ) {
    const el = main.querySelector<HTMLElement>(`.fill[data-field="${CSS.escape(JSON.stringify(path))}"]`);
    if (el) return el;
  }
  const row = m.row ?? (field[0] === 'indicators' ? field[1] : undefined);
  if (row === undefined) return null;
  const tr = main.querySelector<HTMLElement>(`tr[data-row="${CSS.escape(row)}"]`);
  return (
    tr?.querySelector<HTMLElement>('.fill[data-col="actual"]') ?? tr?.querySelector<HTMLElement>('.live-score') ?? null
  );
}

function markKind(m: Mark): string {
  if (m.severity === 'error') return 'mark-error';
  if (m.pending) return 'mark-pending';
  return m.severity === 'warning' ? 'mark-warning' : 'mark-info';
}

function showMarks(marks: Mark[]): void {
  clearMarks();
  const seen = new Set<string>();
  for (const m of marks) {
    const key = `${m.code}|${m.field}|${m.row}|${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const note = document.createElement('div');
    note.className = `cell-mark ${markKind(m)}`;
    note.dataset.code = m.code;
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = m.message;
    note.append(message);
    if (m.fix) {
      const fix = document.createElement('span');
      fix.className = 'fix';
      fix.textContent = m.fix;
      note.append(fix);
    }
    const target = targetOf(m);
    if (!target) {
      const li = document.createElement('li');
      li.append(note);
      byId('other-marks').append(li);
      byId('other-marks-section').hidden = false;
      continue;
    }
    target.classList.add('marked', markKind(m));
    if (m.severity === 'error' || m.pending) target.setAttribute('aria-invalid', 'true');
    (target.closest('td') ?? target.parentElement)?.append(note);
  }
}

function showLive(live: Live): void {
  const draft = live.status !== 'complete';
  status.textContent = live.statusText;
  status.className = `status ${live.status}`;
  byId('total').textContent = live.total;
  byId('grade').textContent = live.grade;
  const caption = (draft ? t.totalDraft : t.total) ?? '';
  byId('total-caption').textContent = caption;
  byId('total-label').textContent = caption;
  byId('table-total').textContent = live.total;
  byId('table-grade').textContent = live.grade ? `${t.grade}：${live.grade}` : '';
  for (const el of main.querySelectorAll<HTMLElement>('[data-score]'))
    el.textContent = live.rows[el.dataset.score ?? '']?.score ?? '';
  for (const el of main.querySelectorAll<HTMLElement>('[data-explain]')) {
    const row = live.rows[el.dataset.explain ?? ''];
    el.textContent = row ? `${row.method}：${row.explanation}` : '';
  }
  byId('budget-rate').textContent = live.budget?.rate ?? '';
  byId('budget-score').textContent = live.budget?.score ?? '';
  byId('budget-explain').textContent = live.budget?.explanation ?? '';
  const level1 = main.querySelectorAll<HTMLElement>('[data-level1] .subtotal');
  const level2 = main.querySelectorAll<HTMLElement>('[data-level2] .subtotal');
  live.levels.forEach((l, i) => level1[i] && (level1[i].textContent = `${l.score}/${l.maxScore}`));
  live.levels
    .flatMap((l) => l.groups)
    .forEach((g, i) => level2[i] && (level2[i].textContent = `${g.score}/${g.maxScore}`));
  showMarks(live.marks);
  document.body.dataset.status = live.status;
  lastLive = live;
}

/** The last answer shown: what a draft PDF still needs is said from it. */
let lastLive: Live | undefined;

let asked = 0;
let timer: number | undefined;

/** Asks the server to score the form as it is now; an answer to an older question is dropped. */
async function rescore(): Promise<void> {
  const mine = ++asked;
  document.body.dataset.scoring = 'true';
  try {
    const response = await post('/api/score');
    const body = (await response.json()) as Live | Problems;
    if (mine !== asked) return;
    if (!response.ok) say(problemsText(body as Problems), 'error');
    else showLive(body as Live);
  } finally {
    if (mine === asked) {
      delete document.body.dataset.scoring;
      // how many answers the page has shown: lets a test (or a screen reader script) wait for the newest one
      document.body.dataset.answered = String(mine);
    }
  }
}

function scheduleScore(): void {
  window.clearTimeout(timer);
  document.body.dataset.scoring = 'true';
  timer = window.setTimeout(() => void rescore(), SCORE_DELAY_MS);
}

/** Saves the edits; false when the server refused them (the banner says why). */
async function save(): Promise<boolean> {
  window.clearTimeout(timer);
  const response = await post('/api/save', { baseHash });
  const body = (await response.json()) as { saved: boolean; hash: string; message: string; live: Live } & Problems;
  if (!response.ok) {
    say(problemsText(body), 'error', response.status === 409);
    return false;
  }
  baseHash = body.hash;
  main.dataset.hash = body.hash;
  for (const f of fills) saved.set(f, f.value);
  showLive(body.live);
  say(body.message, 'ok');
  document.body.dataset.dirty = 'false';
  // a saved edit can leave a signed PDF behind the form: the sign-off says so at once
  await signing.refresh();
  return true;
}

async function printPdf(): Promise<void> {
  window.clearTimeout(timer);
  say(t.working ?? '', 'info');
  const response = await post('/api/pdf');
  if (!response.ok) {
    const body = (await response.json()) as Problems;
    return say(`${t.pdfRefused} ${problemsText(body)}`, 'error');
  }
  await download(response, 'form.pdf');
  const pending = Number(response.headers.get('x-jixiao-pending') ?? '0');
  // a draft says what it still needs, as the cells do
  const missing = (lastLive?.marks ?? []).filter((m) => m.pending).map((m) => m.message);
  say(
    pending > 0 ? `${filled(t.pdfDraft, { count: String(pending) })}：${missing.join('；')}` : (t.pdfDone ?? ''),
    pending > 0 ? 'info' : 'ok',
  );
}

/** The next (or previous) cell to fill: in the same column when there is one further on, else the next in order. */
function neighbour(from: Fill, step: 1 | -1, sameColumn: boolean): Fill | undefined {
  const i = fills.indexOf(from);
  if (sameColumn) {
    const ahead = step === 1 ? fills.slice(i + 1) : fills.slice(0, Math.max(0, i)).reverse();
    const same = ahead.find((f) => f.dataset.col === from.dataset.col);
    if (same) return same;
  }
  return fills[i + step];
}

function caretAt(f: Fill, edge: 'start' | 'end'): boolean {
  if (f instanceof HTMLSelectElement) return true;
  const at = edge === 'start' ? 0 : f.value.length;
  return f.selectionStart === at && f.selectionEnd === at;
}

function onKey(event: KeyboardEvent): void {
  const f = event.target as Fill;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    void save();
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  let next: Fill | undefined;
  const multiline = f instanceof HTMLTextAreaElement;
  const select = f instanceof HTMLSelectElement;
  if (event.key === 'Enter' && !multiline) next = neighbour(f, event.shiftKey ? -1 : 1, true);
  else if (event.key === 'ArrowDown' && !multiline && !select) next = neighbour(f, 1, true);
  else if (event.key === 'ArrowUp' && !multiline && !select) next = neighbour(f, -1, true);
  else if (event.key === 'ArrowRight' && caretAt(f, 'end')) next = neighbour(f, 1, false);
  else if (event.key === 'ArrowLeft' && caretAt(f, 'start')) next = neighbour(f, -1, false);
  if (!next) return;
  event.preventDefault();
  next.focus();
  if (!(next instanceof HTMLSelectElement)) next.select();
}

for (const f of fills) {
  f.addEventListener('input', () => {
    document.body.dataset.dirty = String(dirty());
    scheduleScore();
  });
  f.addEventListener('change', scheduleScore);
  f.addEventListener('keydown', (event) => onKey(event as KeyboardEvent));
}
byId('save').addEventListener('click', () => void save());
const signing = setupSigning({ file, lang, t, fills, dirty, save });
byId('pdf').addEventListener('click', () => void printPdf());
byId('reload').addEventListener('click', () => {
  for (const f of fills) saved.set(f, f.value);
  window.location.reload();
});
byId('explain-toggle').addEventListener('click', (event) => {
  const on = document.body.classList.toggle('show-explain');
  (event.currentTarget as HTMLElement).setAttribute('aria-pressed', String(on));
});
window.addEventListener('beforeunload', (event) => {
  if (!dirty()) return;
  event.preventDefault();
  event.returnValue = t.leave ?? '';
});
void rescore();
