import { describe, expect, it } from 'vitest';
import { countTargets, replaceSection } from '../../bench/results-file.ts';

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

  it('puts the summary first, right under the title, and moves it there when it was elsewhere', () => {
    const first = replaceSection(FILE, 'Summary', ['all 12 min']);
    expect(replaceSection(FILE, 'Summary', ['all 12 min'], { first: true })).toBe(
      '# Aisle benchmark results\n\n## Summary\n\nall 12 min\n\n## Default size\n\nbuild 7 s\n\n## Import\n\nCSV 5.9 s\n',
    );
    expect(replaceSection(first, 'Summary', ['all 11 min'], { first: true }).indexOf('## Summary')).toBe('# Aisle benchmark results\n\n'.length);
    expect(replaceSection(first, 'Summary', ['all 11 min'], { first: true }).match(/## Summary/g)).toHaveLength(1);
  });

  it('counts the targets a section met and missed from the last column of its tables', () => {
    const section = ['| figure | time | pass |', '|---|---|---|', '| csv | 3 s | yes |', '| xlsx | 5 s | **no** |', '| naive | 900 s | — |', 'text | not a table'].join('\n');
    expect(countTargets(section)).toEqual({ met: 1, checked: 2 });
    expect(countTargets('')).toEqual({ met: 0, checked: 0 });
  });
});
