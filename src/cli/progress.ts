/**
 * Progress bars on stderr (stdout stays clean for `--json`). When stderr is not a terminal, each
 * step is one plain line instead of a redrawn bar, so CI logs stay readable.
 */
import cliProgress from 'cli-progress';

export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
}

export function progressBar(enabled = true): { update: (event: ProgressEvent) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (!process.stderr.isTTY) {
    // Logs and pipes get one plain line per step, written when the step starts.
    let last = '';
    return {
      update(event) {
        if (event.step === last) return;
        last = event.step;
        process.stderr.write(`${event.step}… (${event.done}/${event.total})\n`);
      },
      stop: () => undefined,
    };
  }
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
