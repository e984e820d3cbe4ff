import { spawnSync } from 'node:child_process';

/**
 * The outside programs the tests drive (Firefox, LibreOffice, redis-server…) are installed by scripts/setup.sh. In CI
 * (CI set) a missing one fails the run with a test that names it; on a developer's machine its tests are skipped
 * and the skip says why. Never a silent skip, never an obscure failure.
 */
export function onPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v "$0"`, command], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || null : null;
}

/** The first of these commands found on PATH, or null. */
export function firstOnPath(...commands: string[]): string | null {
  for (const c of commands) {
    const found = onPath(c);
    if (found) return found;
  }
  return null;
}

export function describeWith(
  requirement: { what: string; present: boolean; install: string; ciMustHave?: boolean },
  title: string,
  body: () => void,
): void {
  if (requirement.present) {
    describe(title, body);
    return;
  }
  const why = `${requirement.what} is missing: ${requirement.install}`;
  if (process.env.CI && requirement.ciMustHave !== false) {
    describe(title, () => {
      test(`needs ${requirement.what}`, () => {
        throw new Error(`${why} (CI is set, so its tests cannot be skipped)`);
      });
    });
    return;
  }
  // the reason is printed where the run's output shows it, and the tests are listed as skipped
  console.warn(`skipped "${title}": ${why}`);
  describe.skip(title, body);
}
