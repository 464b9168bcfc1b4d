// Makes sure the browser the e2e tests and PDF rendering drive is installed: Debian's `chromium`
// package (playwright-core never downloads one here). Quiet when it is there; installs it when
// running as root; otherwise prints the one command to run. `npm test` runs this first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(chromiumPath)) process.exit(0);

if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.error('Chromium is missing; installing it with apt-get (Debian package chromium)…');
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
  });
  if (result.error) {
    console.error(`Could not run apt-get: ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}

console.error(
  `Chromium is missing (looked for ${chromiumPath}). Install it with:\n\n  sudo apt-get install -y chromium\n`,
);
process.exit(1);
