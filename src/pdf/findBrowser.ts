import { listOf } from '../errors/texts';
import { accessSync, constants } from 'node:fs';
import { inputError } from '../errors/diagnostic';

/** Where Debian, Ubuntu and Chrome put the browser binary, most direct first (the Debian wrapper script last). */
const KNOWN_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
];

const ENV_VARIABLES = ['JIXIAO_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to print with: from an environment variable first, then known paths; else a clear error. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ENV_VARIABLES) {
    const value = env[name];
    if (value) {
      if (executable(value)) return value;
      throw inputError('BROWSER_NOT_FOUND', { where: `${name}=${value}` });
    }
  }
  const found = KNOWN_PATHS.find(executable);
  if (found) return found;
  throw inputError('BROWSER_NOT_FOUND', { where: listOf(KNOWN_PATHS) });
}
