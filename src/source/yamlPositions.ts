import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter } from 'yaml';
import type { SourceLocation } from '../domain/model';
import type { DataPath } from './sourceDocument';

/** One node as js-yaml composed it: where composing it began and ended, and what it made. */
interface ComposedNode {
  open: number;
  end: number;
  result: unknown;
  children: ComposedNode[];
}

/** Where a value starts, where its key starts (in a mapping), and the places inside it. */
interface Place {
  start: number;
  key?: number;
  inner?: Places;
}
/** The places of one mapping's values by key, or of one list's items by index (reached by a number only, as the full reader does). */
type Places = Map<string, Place> & { list?: true };

/** Where every key and value of a YAML text starts: what the full reader's positions give, at a tenth of its cost. */
export interface YamlPositions {
  /** The same offset the full reader finds for `dataPath`: the value, or its key, or the nearest parent. */
  offsetOf(dataPath: DataPath, pointAtKey: boolean): number;
  at(offset: number): Pick<SourceLocation, 'line' | 'column'>;
}

/**
 * Reads the text once more with js-yaml, listening to the nodes it opens and closes, and keeps where each key
 * and value starts. Every mapping and list of the tree must account for the data exactly (each key once, each
 * item, each value the same); a text where they do not (an empty list item, a key with no value in braces)
 * returns null and the caller asks the full reader instead. Only texts the quick reader accepted come here.
 */
export function readPositions(text: string): YamlPositions | null {
  const root: ComposedNode = { open: 0, end: 0, result: undefined, children: [] };
  const stack: ComposedNode[] = [root];
  let data: unknown;
  try {
    data = load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ open: state.position, end: state.position, result: undefined, children: [] });
        } else {
          const node = stack.pop();
          const parent = stack.at(-1);
          if (!node || !parent) throw new Error('YAML events out of balance');
          node.end = state.position;
          node.result = state.result;
          parent.children.push(node);
        }
      },
    });
  } catch {
    return null;
  }
  const top = root.children[0];
  if (root.children.length !== 1 || top === undefined || top.result !== data) return null;
  // js-yaml reads past a byte-order mark: its positions are one short of the text's
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const input = text.slice(shift);
  const places = placesOf(top, input);
  if (places === null) return null;
  const rootStart = contentStart(input, top.open);
  // lines and columns counted as the full reader counts them: the same LineCounter, fed the same line starts
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);

  return {
    offsetOf(dataPath, pointAtKey) {
      let level: Places | undefined = places;
      let offset = rootStart;
      for (const [i, segment] of dataPath.entries()) {
        const place: Place | undefined =
          level?.list && typeof segment !== 'number' ? undefined : level?.get(String(segment));
        if (!place) break;
        if (i === dataPath.length - 1 && pointAtKey && place.key !== undefined) return place.key + shift;
        offset = place.start;
        level = place.inner;
      }
      return offset + shift;
    },
    at(offset) {
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  };
}

/** The places inside a mapping or list node, checked against what it made; null when they do not match. */
function placesOf(composed: ComposedNode, input: string): Places | null {
  let node = composed;
  // a collection read while js-yaml looked for a key (a `{…}` list item) comes wrapped in a node that made the same thing
  for (
    let only = node.children[0];
    only && node.children.length === 1 && only.result === node.result;
    only = node.children[0]
  )
    node = only;
  const { result, children } = node;
  if (Array.isArray(result)) {
    if (children.length !== result.length) return null;
    const places: Places = Object.assign(new Map<string, Place>(), { list: true as const });
    for (const [i, child] of children.entries()) {
      const place = placeOf(child, result[i], input);
      if (place === null) return null;
      places.set(String(i), place);
    }
    return places;
  }
  if (result === null || typeof result !== 'object') return new Map();
  // a mapping's children come in pairs, key then value, in the order they are written
  const keys = Object.keys(result);
  if (children.length !== keys.length * 2) return null;
  const places: Places = new Map();
  for (const [keyNode, valueNode] of pairsOf(children)) {
    const name = String(keyNode.result);
    if (keyNode.result !== null && typeof keyNode.result === 'object') return null;
    if (places.has(name) || !Object.prototype.hasOwnProperty.call(result, name)) return null;
    const place = placeOf(valueNode, (result as Record<string, unknown>)[name], input);
    if (place === null) return null;
    places.set(name, { ...place, key: contentStart(input, keyNode.open) });
  }
  return places;
}

function placeOf(node: ComposedNode, value: unknown, input: string): Place | null {
  if (!Object.is(node.result, value)) return null;
  const start = contentStart(input, node.open);
  // an empty value (`key:` and nothing after it) is placed where the full reader puts it: after the spaces on its line
  if (value === null && start === node.end) return { start: spacesEnd(input, node.open) };
  if (value === null || typeof value !== 'object') return { start };
  const inner = placesOf(node, input);
  return inner === null ? null : { start, inner };
}

/** The first character of a node: past spaces, line breaks and comments. */
function contentStart(input: string, from: number): number {
  let i = from;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(input.charAt(i - 1)))) {
      while (i < input.length && input.charCodeAt(i) !== 0x0a) i++;
    } else {
      return i;
    }
  }
}

function spacesEnd(input: string, from: number): number {
  let i = from;
  while (input.charCodeAt(i) === 0x20 || input.charCodeAt(i) === 0x09) i++;
  return i;
}

/** A mapping's children two by two: each key with its value. */
function pairsOf<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((item, i) => {
    const next = items[i + 1];
    return i % 2 === 0 && next !== undefined ? [[item, next] as [T, T]] : [];
  });
}
