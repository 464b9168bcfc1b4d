/**
 * bench/RESULTS.md is written by several benchmarks (`npm run bench`, `bench:import`,
 * `bench:query`); each owns one `## ` section and replaces only that, in place, so running one
 * benchmark never erases another's figures.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

const RESULTS_FILE = new URL('./RESULTS.md', import.meta.url);
const TITLE = '# Aisle benchmark results\n';

/** "2 cores (model), 24 GiB, Node v20…" — the line every section starts with. */
export function machineDescription(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Replaces the `## heading` section of `text` with `body` (appended when the section is new). */
export function replaceSection(text: string, heading: string, body: string[], options: { first?: boolean } = {}): string {
  const chunks = text.split(/\n(?=## )/);
  const section = [`## ${heading}`, '', ...body].join('\n');
  const index = chunks.findIndex((chunk) => chunk.split('\n', 1)[0]?.trimEnd() === `## ${heading}`);
  if (index >= 0) chunks.splice(index, 1);
  // The title (and anything before the first section) stays first; `first` puts the section right after it.
  chunks.splice(options.first ? 1 : index >= 0 ? index : chunks.length, 0, section);
  return `${chunks.map((chunk) => chunk.trimEnd()).join('\n\n')}\n`;
}

/** Writes one benchmark's section into bench/RESULTS.md, keeping every other section. */
export async function writeResultsSection(heading: string, body: string[], options: { first?: boolean } = {}): Promise<void> {
  const current = await readFile(RESULTS_FILE, 'utf8').catch(() => TITLE);
  await writeFile(RESULTS_FILE, replaceSection(current, heading, body, options));
}

/** Counts the pass column (the last) of a section's tables: "yes" is a target met, "no" one missed. */
export function countTargets(section: string): { met: number; checked: number } {
  let met = 0;
  let checked = 0;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const last = cells[cells.length - 2] ?? '';
    if (last === 'yes') {
      met += 1;
      checked += 1;
    } else if (last === '**no**' || last === 'no') checked += 1;
  }
  return { met, checked };
}
