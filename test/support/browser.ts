import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium (scripts/setup.sh installs it), driven by playwright-core: Playwright's own
// browser download needs a host this machine cannot reach.

export function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  // As root (CI), chromium's sandbox cannot start.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}
