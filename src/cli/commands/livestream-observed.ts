/**
 * The "observed" block of `aisle livestreams show`: what the session's imported live event
 * recording showed, labelled as observed (event-stream counts differ from the platform's figures).
 */
import type { ObservedSession } from '../../core/livestreams/events/observed-session.ts';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

export function observedLines(o: ObservedSession): string[] {
  if (!o.recording || !o.totals) {
    return [
      '',
      `Observed (live event stream): no recording — aisle import recording.jsonl --kind live_events --livestream ${o.livestreamId}`,
    ];
  }
  const r = o.recording;
  const t = o.totals;
  const out = [
    '',
    `Observed from the event stream (${r.file ?? 'recording'}, ${r.events} events${r.linesRejected ? `, ${r.linesRejected} malformed lines skipped` : ''}) — counts can differ from the platform's figures`,
    `  ${o.minutes.length} minutes · peak viewers ${t.peakViewers ?? '—'} · enters ${t.enters} · likes seen ${t.likesInEvents} (sampled${t.likesTotalReported === null ? '' : `; room total ${t.likesTotalReported}`})`,
    `  comments ${t.comments} (${t.commentsPerMinute === null ? '—' : t.commentsPerMinute.toFixed(1)} a minute) · questions ${percent(t.questionShare)} · purchase intent ${percent(t.intentShare)}` +
      (o.sentiment
        ? ` · sentiment ${percent(o.sentiment.positiveShare)} positive, ${percent(o.sentiment.negativeShare)} negative`
        : ''),
    `  gifts ${t.gifts} (${t.diamonds} diamonds, streaks counted once) · follows ${t.follows} · shares ${t.shares} · product events ${t.productEvents}`,
  ];
  if (o.intentTerms.length)
    out.push(`  intent phrases: ${o.intentTerms.map((i) => `${i.term} ${i.comments}`).join(', ')}`);
  const mentioned = o.products.filter((p) => p.mentions > 0);
  if (mentioned.length)
    out.push(`  most mentioned: ${mentioned.map((p) => `${p.title} (${p.mentions})`).join(', ')}`);
  return out;
}
