import type { OutputMode } from '../exitCodes';
import { text } from '../../errors/texts';
import { showRuleSet } from '../../pipeline/forms';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

/** `jixiao ruleset show <id|file> [--json]`: the rule set with `extends` resolved, and where each parameter comes from. */
export async function rulesetShowCommand(
  target: string,
  options: { json?: boolean },
  io: Io,
  { lang }: OutputMode,
): Promise<number> {
  const { ruleSet, yaml, parameters } = showRuleSet(target);
  if (options.json) {
    io.out(
      JSON.stringify(
        { id: ruleSet.file.id, sha256: ruleSet.sha256, chain: ruleSet.chain, ruleSet: ruleSet.file, parameters },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const provenance = parameters.map(
    (p) =>
      `#   ${p.path} = ${JSON.stringify(p.value)} ← ${p.ruleSet}${p.effective ? `（${p.effective}）` : ''}：${p.basis}`,
  );
  io.out(
    [
      `# ${text('ruleset.resolvedFrom', lang, { chain: ruleSet.chain.join(' ← ') })}`,
      `# sha256 ${ruleSet.sha256}`,
      `# ${text('ruleset.parameters', lang)}`,
      ...provenance,
      yaml,
    ].join('\n'),
  );
  return EXIT.ok;
}
