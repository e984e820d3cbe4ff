import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Names the list where every test process writes each temporary folder it makes (helpers.tempDir), so the run
 * removes exactly those at its end (globalTeardown.ts) and leaves /tmp as it found it.
 */
export default function globalSetup(): void {
  // the tests expect the default language whatever the machine's locale: each test that sets a language says so
  process.env.LANG = 'C.UTF-8';
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  delete process.env.JIXIAO_LANG;
  process.env.JIXIAO_TEST_TEMP_LIST = path.join(tmpdir(), `jixiao-test-made-${process.pid}-${Date.now()}.txt`);
  // compare's form cache goes to a folder of this run, never the user's ~/.cache; removed with the rest
  process.env.JIXIAO_CACHE = mkdtempSync(path.join(tmpdir(), 'jixiao-test-cache-'));
  appendFileSync(process.env.JIXIAO_TEST_TEMP_LIST, `${process.env.JIXIAO_CACHE}\n`);
}
