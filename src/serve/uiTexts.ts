import type { Lang } from '../errors/lang';
import { TEXTS, textOf, type TextKey } from '../errors/texts';

const PREFIX = 'serve.ui.';

type UiKey<K> = K extends `serve.ui.${infer Rest}` ? (Rest extends `${string}.${string}` ? never : Rest) : never;
/** The pages' words in one language, by short name (`t.save`), from the CLI's own message catalog. */
export type UiTexts = Record<UiKey<TextKey>, string>;

const cache = new Map<Lang, UiTexts>();

export function uiTexts(lang: Lang): UiTexts {
  let t = cache.get(lang);
  if (!t) {
    const entries = (Object.keys(TEXTS) as TextKey[])
      .filter((k) => k.startsWith(PREFIX) && !k.slice(PREFIX.length).includes('.'))
      .map((k) => [k.slice(PREFIX.length), textOf(k, lang)]);
    t = Object.fromEntries(entries) as UiTexts;
    cache.set(lang, t);
  }
  return t;
}
