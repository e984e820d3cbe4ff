import type { Placeholders } from './entry';
import { FILES } from './files';
import { FORMS } from './forms';
import { LINT } from './lint';
import { OUTPUT } from './output';
import { RULES } from './rules';
import { REVIEW } from './review';
import { SCORED } from './scored';
import { SERVE } from './serve';
import { SIGNING } from './signing';

export type { CatalogEntry } from './entry';

/** Every code jixiao reports, by area (one file each); a code's data is typed by its templates' placeholders. */
export const CATALOG = { ...FILES, ...FORMS, ...RULES, ...LINT, ...SCORED, ...OUTPUT, ...SIGNING, ...SERVE, ...REVIEW };

export type Code = keyof typeof CATALOG;

type Entry<C extends Code> = (typeof CATALOG)[C];
type TemplatesOf<C extends Code> =
  Entry<C> extends infer E
    ? E[keyof E & ('zh' | 'en' | 'hintZh' | 'hintEn' | 'formHintZh' | 'formHintEn')] & string
    : never;

/** The data a code's messages need: one value per placeholder. */
export type DataKeys<C extends Code> = Placeholders<TemplatesOf<C>>;

export function isCode(text: string): text is Code {
  return Object.prototype.hasOwnProperty.call(CATALOG, text);
}
