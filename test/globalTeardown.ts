import { existsSync, readFileSync, rmSync } from 'node:fs';

/** Removes every temporary folder the tests made (listed by helpers.tempDir), then the list itself. */
export default function globalTeardown(): void {
  const list = process.env.JIXIAO_TEST_TEMP_LIST;
  if (!list || !existsSync(list)) return;
  for (const dir of readFileSync(list, 'utf8').split('\n').filter(Boolean))
    rmSync(dir, { recursive: true, force: true });
  rmSync(list, { force: true });
}
