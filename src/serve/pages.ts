import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../domain/paths';
import type { Lang } from '../errors/lang';
import { assertEscaped, compileEscaped } from '../report/templates';
import type { FormListEntry } from './formList';
import type { FormPageView } from './formPage';
import { uiTexts, type UiTexts } from './uiTexts';

const SERVE_TEMPLATES = path.join(TEMPLATES_DIR, 'serve');

interface PageBase {
  t: UiTexts;
  htmlLang: string;
  langQuery: string;
  pageTitle: string;
  script: boolean;
}

type Template<T> = (view: T & PageBase) => string;

interface Templates {
  forms: Template<{
    folder: string;
    entries: (Omit<FormListEntry, 'file'> & { href: string; isNew: boolean; file: string })[];
  }>;
  form: Template<{ form: FormPageView; textsJson: string }>;
  message: Template<{ heading: string; lines: { message: string; fix: string }[]; back: boolean }>;
}

let templates: Templates | undefined;

/** The pages' templates, compiled once with the printed form's rules: strict lookups and every value escaped. */
function compileTemplates(): Templates {
  const hbs = Handlebars.create();
  for (const partial of ['head', 'fill', 'cell']) {
    const source = readFileSync(path.join(SERVE_TEMPLATES, `${partial}.hbs`), 'utf8');
    assertEscaped(source, `serve/${partial}.hbs`);
    hbs.registerPartial(partial, hbs.compile(source, { strict: true }));
  }
  const compile = <T>(name: string): Template<T> =>
    compileEscaped<T & PageBase>(
      readFileSync(path.join(SERVE_TEMPLATES, `${name}.hbs`), 'utf8'),
      `serve/${name}.hbs`,
      hbs,
    );
  return { forms: compile('forms'), form: compile('form'), message: compile('message') };
}

/** `?lang=en` carried on every link of an English page. */
export function langQuery(lang: Lang): string {
  return lang === 'en' ? '?lang=en' : '';
}

function base(lang: Lang, pageTitle: string, script = false): PageBase {
  const t = uiTexts(lang);
  return {
    t,
    htmlLang: lang === 'en' ? 'en' : 'zh-CN',
    langQuery: langQuery(lang),
    pageTitle: `${pageTitle} — ${t.appName}`,
    script,
  };
}

export function formsPage(folder: string, entries: FormListEntry[], lang: Lang): string {
  templates ??= compileTemplates();
  const q = lang === 'en' ? '&lang=en' : '';
  const rows = entries.map((e) => ({
    ...e,
    problem: e.problem ?? '',
    file: e.file.relative,
    isNew: e.status === 'unfilled',
    href: `/form?file=${encodeURIComponent(e.file.relative)}${q}`,
  }));
  return templates.forms({ ...base(lang, uiTexts(lang).forms), folder, entries: rows });
}

export function editPage(form: FormPageView): string {
  templates ??= compileTemplates();
  return templates.form({ ...base(form.lang, form.title, true), form, textsJson: JSON.stringify(form.t) });
}

export function messagePage(
  lang: Lang,
  heading: string,
  lines: { message: string; fix: string }[],
  back = true,
): string {
  templates ??= compileTemplates();
  return templates.message({ ...base(lang, heading), heading, lines, back });
}
