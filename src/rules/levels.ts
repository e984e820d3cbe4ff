import type { RuleSetFile } from '../schema/ruleset';
import { LEVEL_NAME } from '../domain/glossary';

/**
 * A level name as people type it: spaces (half- or full-width), quotation marks (“三公”经费, 「三公」经费) and a
 * trailing 等 do not change which level it is.
 */
export function levelKey(name: string): string {
  return name.replace(LEVEL_NAME.quotes, '').replace(LEVEL_NAME.trailing, '');
}

/**
 * Which framework level a printed name means (provinces name them differently): the name itself, a synonym the
 * rule set lists (效果指标 → 效益指标, 进度指标 → 时效指标), or the name with 指标 added (经济效益 → 经济效益指标).
 * Tables and PDFs keep printing the name as written; only rules and checks use the framework's name.
 */
export class LevelNames {
  private readonly level1 = new Map<string, string>();
  private readonly level2 = new Map<string, Map<string, string>>();
  private readonly synonyms1: Map<string, string>;
  private readonly synonyms2: Map<string, string>;

  constructor(private readonly framework: RuleSetFile['framework']) {
    this.synonyms1 = new Map(Object.entries(framework.synonyms?.level1 ?? {}).map(([k, v]) => [levelKey(k), v]));
    this.synonyms2 = new Map(Object.entries(framework.synonyms?.level2 ?? {}).map(([k, v]) => [levelKey(k), v]));
    for (const l of framework.level1) {
      this.level1.set(levelKey(l.name), l.name);
      this.level2.set(l.name, new Map(l.level2.map((n) => [levelKey(n), n])));
    }
  }

  get level1Names(): string[] {
    return this.framework.level1.map((l) => l.name);
  }

  level2Names(level1: string): string[] {
    return [...(this.level2.get(level1)?.values() ?? [])];
  }

  /** The framework's level-1 name for a printed one, or null when it is none of them. */
  canonical1(name: string): string | null {
    const key = levelKey(name);
    return (
      this.level1.get(key) ??
      this.level1.get(levelKey(this.synonyms1.get(key) ?? '')) ??
      this.level1.get(`${key}${LEVEL_NAME.suffix}`) ??
      null
    );
  }

  /** The framework's level-2 name under a (framework) level-1, or null. */
  canonical2(level1: string, name: string): string | null {
    const names = this.level2.get(level1);
    if (!names) return null;
    const key = levelKey(name);
    return (
      names.get(key) ??
      names.get(levelKey(this.synonyms2.get(key) ?? '')) ??
      names.get(`${key}${LEVEL_NAME.suffix}`) ??
      null
    );
  }
}
