import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../bench/results-file.ts';

const FILE = '# Aisle benchmark results\n\n## Default size\n\nbuild 7 s\n\n## Import\n\nCSV 5.9 s\n';

describe('bench/RESULTS.md sections', () => {
  it('replaces only its own section, in place', () => {
    expect(replaceSection(FILE, 'Default size', ['build 6 s'])).toBe(
      '# Aisle benchmark results\n\n## Default size\n\nbuild 6 s\n\n## Import\n\nCSV 5.9 s\n',
    );
    expect(replaceSection(FILE, 'Import', ['CSV 4 s', '', '| a | b |'])).toBe(
      '# Aisle benchmark results\n\n## Default size\n\nbuild 7 s\n\n## Import\n\nCSV 4 s\n\n| a | b |\n',
    );
  });

  it('appends a new section and keeps subsections inside their section', () => {
    const withQuery = replaceSection(FILE, 'Query', ['intro', '', '### Engines', '', 'ratio 12×']);
    expect(withQuery).toBe(`${FILE}\n## Query\n\nintro\n\n### Engines\n\nratio 12×\n`);
    expect(replaceSection(withQuery, 'Query', ['ratio 13×'])).toBe(`${FILE}\n## Query\n\nratio 13×\n`);
  });

  it('does not mistake a section whose name starts the same for its own', () => {
    const text = replaceSection(FILE, 'Import (xlsx)', ['x']);
    expect(replaceSection(text, 'Import', ['CSV 4 s'])).toContain('## Import (xlsx)\n\nx\n');
  });
});
