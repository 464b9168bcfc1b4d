/**
 * Guesses a CSV's delimiter from its first lines: the candidate (`,` `;` tab `|`) that appears the
 * same, non-zero number of times, outside quotes, on the most lines. Counting per line rather than
 * in total is what keeps a European file (`;` between fields, `,` as decimal mark) and title
 * lines without any delimiter from fooling it.
 */
export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Per complete line (quoted newlines joined), how often each candidate occurs outside quotes. */
function countPerLine(text: string, maxLines: number): Map<Delimiter, number>[] {
  const lines: Map<Delimiter, number>[] = [];
  let counts = new Map<Delimiter, number>();
  let quoted = false;
  let hasText = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (hasText) lines.push(counts);
      counts = new Map();
      hasText = false;
      continue;
    } else if (!quoted && DELIMITERS.includes(ch as Delimiter)) {
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
    }
    hasText = true;
  }
  // The last line counts only when the text is short enough to be the whole file.
  if (hasText && !quoted && lines.length === 0) lines.push(counts);
  return lines;
}

export function detectDelimiter(text: string, maxLines = 50): Delimiter {
  const lines = countPerLine(text, maxLines);
  let best: { delimiter: Delimiter; lines: number; width: number } = { delimiter: ',', lines: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const n = line.get(delimiter) ?? 0;
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    for (const [width, count] of frequency) {
      if (count > best.lines || (count === best.lines && width > best.width))
        best = { delimiter, lines: count, width };
    }
  }
  return best.delimiter;
}
