// Makes sure the system packages the e2e tests and PDF rendering use are installed: Debian's
// `chromium` (playwright-core never downloads a browser here) and `poppler-utils` (pdftotext and
// pdftoppm read the reports' PDFs back in tests). Quiet when both are there; installs what is
// missing when running as root; otherwise prints the one command to run. `npm test` runs this first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

const missing = [];
if (!existsSync(chromiumPath)) missing.push('chromium');
if (!hasPdftotext) missing.push('poppler-utils');
if (missing.length === 0) process.exit(0);

if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.error(`Missing ${missing.join(' and ')}; installing with apt-get…`);
  const result = spawnSync('sh', ['-c', `apt-get update && apt-get install -y ${missing.join(' ')}`], {
    stdio: 'inherit',
  });
  if (result.error) {
    console.error(`Could not run apt-get: ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}

console.error(
  `Missing ${missing.join(' and ')} (looked for ${chromiumPath} and pdftotext). Install with:\n\n  sudo apt-get install -y ${missing.join(' ')}\n`,
);
process.exit(1);
