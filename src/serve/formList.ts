import { messageOf } from '../errors/message';
import { readInput } from '../load/files';
import * as path from 'node:path';
import { InputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { text } from '../errors/texts';
import { scoreFile } from '../pipeline';
import { signingStatus } from './signedForm';
import { parse } from 'yaml';
import { scoreText } from '../report/format';
import type { FolderFile, FormFolder } from './folder';

export type FormStatus = 'unfilled' | 'draft' | 'invalid' | 'ready' | 'signed' | 'unreadable';

/** One line of the forms page: an actuals file (or a definitions file nobody has started filling). */
export interface FormListEntry {
  file: FolderFile;
  /** The definitions file, for a form not started yet (新建填报). */
  definitions?: FolderFile;
  title: string;
  status: FormStatus;
  statusText: string;
  total: string;
  grade: string;
  /** Why a file cannot be read at all (a pipe, a broken link, over the size limit): listed, never opened. */
  problem?: string;
}

/**
 * What a YAML file is: by its name when it says (a broken *.actuals.yaml is still a form, listed with its errors),
 * else by its top-level keys: an actuals file names its definitions; definitions have levels.
 */
function kindOf(file: string, data: unknown): 'actuals' | 'definitions' | 'other' {
  if (/\.actuals\.ya?ml$/i.test(file)) return 'actuals';
  if (!data || typeof data !== 'object') return 'other';
  if (typeof (data as { definitions?: unknown }).definitions === 'string') return 'actuals';
  return 'levels' in data ? 'definitions' : 'other';
}

/**
 * A file's YAML data, read as the loader reads input: a regular file under the size limit, so a pipe, a huge file or
 * a link loop in the folder cannot stall or sink the server. Unreadable: the reason, said in the page's language.
 */
function dataOf(file: string, lang: Lang): { data: unknown } | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = readInput(file, 'yaml');
  } catch (error) {
    if (error instanceof InputError) return { problem: error.diagnostics.map((d) => messageOf(d, lang)).join('；') };
    throw error;
  }
  try {
    return { data: parse(bytes.toString('utf8')) };
  } catch {
    return { data: undefined };
  }
}

/** The actuals file `jixiao init` (and 新建填报) makes for a definitions file. */
export function actualsPathFor(definitions: string): string {
  return definitions.replace(/(\.indicators)?\.ya?ml$/, '.actuals.yaml');
}

/** A complete form counts as signed when a PDF beside it carries a signature and embeds this very actuals file. */
async function signedOrReady(actuals: string): Promise<'signed' | 'ready'> {
  const status = await signingStatus(actuals, 'zh');
  return status.signed.length > 0 && status.current ? 'signed' : 'ready';
}

/** Every form under the folder with its status, total and grade, scored by the same loader as `jixiao score`. */
export async function listForms(folder: FormFolder, lang: Lang): Promise<FormListEntry[]> {
  // each file's data read once: what it is, which definitions it names, what a definitions file is titled
  const files = folder.yamlFiles().map((f) => {
    const read = dataOf(f.absolute, lang);
    if ('problem' in read) return { file: f, data: undefined, kind: 'unreadable' as const, problem: read.problem };
    const data = read.data as { definitions?: unknown; department?: unknown; project?: { name?: unknown } } | undefined;
    return { file: f, data, kind: kindOf(f.absolute, data) };
  });
  const started = new Set<string>();
  const entries: FormListEntry[] = [];
  for (const f of files) {
    if (f.kind === 'unreadable')
      entries.push({
        file: f.file,
        title: f.file.relative,
        status: 'unreadable',
        statusText: '',
        total: '',
        grade: '',
        problem: f.problem ?? '',
      });
  }
  for (const { file, data, kind } of files) {
    if (kind !== 'actuals') continue;
    const ref = data?.definitions;
    if (typeof ref === 'string') started.add(path.resolve(path.dirname(file.absolute), ref));
    const entry = await scoredEntry(file);
    entries.push(entry);
  }
  for (const { file, data, kind } of files) {
    if (kind !== 'definitions' || started.has(path.resolve(file.absolute))) continue;
    const title = data ?? {};
    entries.push({
      file,
      definitions: file,
      title: [title.department, title.project?.name].filter((t) => typeof t === 'string').join(' · '),
      status: 'unfilled',
      statusText: '',
      total: '',
      grade: '',
    });
  }
  for (const e of entries) e.statusText = text(`serve.ui.status.${e.status}`, lang);
  return entries;
}

/** An actuals file as the list shows it: its unit and project, total, grade and how far it has come (or invalid). */
async function scoredEntry(file: FolderFile): Promise<FormListEntry> {
  const entry: FormListEntry = { file, title: file.relative, status: 'invalid', statusText: '', total: '', grade: '' };
  try {
    const { result } = await scoreFile(file.absolute);
    const project = result.header.project?.name;
    entry.title = project ? `${result.department} · ${project}` : result.department;
    entry.total = scoreText(result.total);
    entry.grade = result.gradeLabel ?? '';
    entry.status = result.status === 'draft' ? 'draft' : await signedOrReady(file.absolute);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  return entry;
}
