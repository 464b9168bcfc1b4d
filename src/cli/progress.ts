/**
 * Progress bars on stderr (stdout stays clean for `--json`). When stderr is not a terminal the
 * bar prints plain lines (cli-progress `noTTYOutput`) so CI logs stay readable.
 */
import cliProgress from 'cli-progress';

export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
}

export function progressBar(enabled = true): { update: (event: ProgressEvent) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      format: '{bar} {percentage}% | {step}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(event) {
      if (!started) {
        bar.start(event.total, event.done, { step: event.step });
        started = true;
      } else {
        bar.setTotal(event.total);
        bar.update(event.done, { step: event.step });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
