import { describe, expect, it } from 'vitest';
import { BackgroundJob, BackgroundLane } from './background-job.ts';

/** A job whose runs wait until released, recording how many jobs of the test run at once. */
function gatedJob(lane: BackgroundLane | undefined, state: { running: number; most: number; order: string[] }, name: string, fail = false) {
  const gates: (() => void)[] = [];
  const job = new BackgroundJob(async (reason) => {
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    state.order.push(`${name}:${reason}`);
    await new Promise<void>((resolve) => gates.push(resolve));
    state.running -= 1;
    if (fail) throw new Error(`${name} failed`);
  }, lane);
  return { job, release: () => gates.shift()?.() };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('background jobs', () => {
  it('run one at a time when they share a lane, in the order they were asked', async () => {
    const state = { running: 0, most: 0, order: [] as string[] };
    const lane = new BackgroundLane();
    const segments = gatedJob(lane, state, 'segments');
    const alerts = gatedJob(lane, state, 'alerts');
    segments.job.request('import');
    alerts.job.request('import');
    await settle();
    expect(state.order).toEqual(['segments:import']);
    segments.release();
    await settle();
    expect(state.order).toEqual(['segments:import', 'alerts:import']);
    alerts.release();
    await Promise.all([segments.job.idle(), alerts.job.idle()]);
    expect(state.most).toBe(1);
  });

  it('run side by side with a lane each (the default)', async () => {
    const state = { running: 0, most: 0, order: [] as string[] };
    const one = gatedJob(undefined, state, 'one');
    const two = gatedJob(undefined, state, 'two');
    one.job.request('start');
    two.job.request('start');
    await settle();
    expect(state.most).toBe(2);
    one.release();
    two.release();
    await Promise.all([one.job.idle(), two.job.idle()]);
  });

  it('go on with the next job in the lane after one fails', async () => {
    const lane = new BackgroundLane();
    const failing = lane.run(() => Promise.reject(new Error('scan failed')));
    const next = lane.run(async () => 'ran');
    await expect(failing).rejects.toThrow('scan failed');
    await expect(next).resolves.toBe('ran');
  });

  it('skip a queued run once the job is closed', async () => {
    const state = { running: 0, most: 0, order: [] as string[] };
    const lane = new BackgroundLane();
    const first = gatedJob(lane, state, 'first');
    const second = gatedJob(lane, state, 'second');
    first.job.request('import');
    second.job.request('import');
    await settle();
    const closing = second.job.close();
    first.release();
    await Promise.all([first.job.idle(), closing]);
    expect(state.order).toEqual(['first:import']);
  });
});
