import type { Finding, ReviewForm } from './model';

/** How many forms to draw: a count, or a share of the forms (20%). */
export type SampleSize = { count: number } | { percent: number };

export interface SampleOptions {
  size: SampleSize;
  seed: number;
  /** Draw from each department in proportion to its forms (stratified), not from the year as one pool. */
  byDepartment: boolean;
  /** Every form with a P0 finding is in the sample, over the size if need be (default). */
  includeP0: boolean;
}

/**
 * A small, well-known generator (mulberry32): the same seed gives the same draws on every machine and version of
 * node, which Math.random does not promise. It only orders forms for a sample; it is no secret.
 */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The keys in an order drawn from the generator (Fisher–Yates over the keys sorted, so the file order does not matter). */
function shuffled(keys: readonly string[], next: () => number): string[] {
  const out = [...keys].sort();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

/** How many forms the size asks for, of this many: a share is rounded up (20% of 31 is 7). */
export function sampleCount(size: SampleSize, total: number): number {
  if ('count' in size) return Math.min(total, size.count);
  return Math.min(total, Math.ceil((total * size.percent) / 100));
}

/** Each department's share of `n` by largest remainder, so the shares add up to n exactly. */
function allocate(groups: Map<string, string[]>, n: number, total: number): Map<string, number> {
  const shares = [...groups].map(([name, keys]) => {
    const exact = (n * keys.length) / total;
    return { name, whole: Math.floor(exact), rest: exact - Math.floor(exact), size: keys.length };
  });
  let left = n - shares.reduce((s, x) => s + x.whole, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || (a.name < b.name ? -1 : 1))) {
    if (left <= 0) break;
    if (s.whole < s.size) {
      s.whole += 1;
      left -= 1;
    }
  }
  return new Map(shares.map((s) => [s.name, s.whole]));
}

/**
 * Draws a reproducible sample: the P0 forms first (unless told not to), then the rest drawn at random from the
 * seed, in proportion to each department's forms when stratified. Failed forms are not drawn (there is nothing
 * to re-check on them but the failure). Returns the keys drawn.
 */
export function drawSample(
  forms: readonly ReviewForm[],
  byForm: Map<string, Finding[]>,
  options: SampleOptions,
): Set<string> {
  const eligible = forms.filter((f) => f.status !== 'failed');
  const chosen = new Set<string>();
  if (options.includeP0)
    for (const f of eligible) if ((byForm.get(f.key) ?? []).some((x) => x.severity === 'P0')) chosen.add(f.key);
  const wanted = sampleCount(options.size, eligible.length);
  const rest = eligible.filter((f) => !chosen.has(f.key));
  const left = Math.max(0, wanted - chosen.size);
  const next = generator(options.seed);
  if (!options.byDepartment) {
    for (const key of shuffled(
      rest.map((f) => f.key),
      next,
    ).slice(0, left))
      chosen.add(key);
    return chosen;
  }
  const groups = new Map<string, string[]>();
  for (const f of rest) groups.set(f.department, [...(groups.get(f.department) ?? []), f.key]);
  const quotas = allocate(groups, left, rest.length);
  for (const name of [...groups.keys()].sort())
    for (const key of shuffled(groups.get(name) ?? [], next).slice(0, quotas.get(name) ?? 0)) chosen.add(key);
  return chosen;
}
