// Writes docs/metrics.md from the metric catalog (`npm run docs:metrics`).
import { writeFile } from 'node:fs/promises';
import { catalogMarkdown } from '../src/core/metrics/catalog-reference.ts';

await writeFile(new URL('../docs/metrics.md', import.meta.url), catalogMarkdown());
process.stdout.write('docs/metrics.md written\n');
