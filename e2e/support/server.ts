// Runs the real `aisle` binary for end-to-end tests: a fresh temp data dir (empty, `init` only, or
// with the demo dataset), users added with the CLI before serving, the server on a free port, and a
// clean shutdown of the whole process tree afterwards. Failures carry the process's stderr, because
// "server did not start" alone is useless in a CI log.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AISLE_BIN = path.join(REPO_ROOT, 'bin', 'aisle.cjs');
const OUTPUT_LIMIT = 64 * 1024;

/** Small and fast, and pinned to an end date so numbers and screenshots repeat run after run. */
export const E2E_DEMO = { sellers: 200, days: 60, seed: 7, end: '2026-11-23' } as const;

export async function createDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'aisle-e2e-'));
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

/** Keeps the last `OUTPUT_LIMIT` characters of a stream: enough to explain a failure. */
function captureOutput(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-OUTPUT_LIMIT);
  });
  return () => text;
}

function spawnAisle(dataDir: string, args: readonly string[], withStdin = false, env: Record<string, string> = {}): ChildProcess {
  // AISLE_NODE_ARGS: extra node options for the server, e.g. `--cpu-prof --cpu-prof-dir=DIR` to profile a benchmark run.
  const nodeArgs = process.env.AISLE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, AISLE_BIN, '--data-dir', dataDir, ...args], {
    cwd: REPO_ROOT,
    // The browser tests assert exact figures right after their own imports, so the server always
    // waits for the current ones; answering with the previous ones (`refreshing`) is tested with
    // answers marked so (overview, sellers) and on the real app in src/server/refreshing.test.ts.
    // bench/load.ts sets `default` to measure the server as it runs.
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', AISLE_STALE_AFTER_MS: process.env.AISLE_STALE_AFTER_MS ?? 'Infinity', ...env },
    stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    // Own process group, so the whole tree can be signalled at once (see `killTree`).
    detached: true,
  });
}

export interface CliResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs one CLI command to completion; rejects with its output when it fails or hangs. `input` is
 * written to its stdin (how passwords reach `--password-stdin`).
 */
export async function runAisle(
  dataDir: string,
  args: readonly string[],
  { timeoutMs = 120_000, input }: { timeoutMs?: number; input?: string } = {},
): Promise<CliResult> {
  const child = spawnAisle(dataDir, args, input !== undefined);
  child.stdin?.end(input);
  const stdout = captureOutput(child.stdout);
  const stderr = captureOutput(child.stderr);
  const timer = setTimeout(() => void killTree(child), timeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => resolve(signal ? null : exitCode));
    });
    if (code !== 0) {
      throw new Error(
        `aisle ${args.join(' ')} ${code === null ? `was killed (timeout ${timeoutMs} ms)` : `exited with ${code}`}\n` +
          `--- stderr ---\n${stderr()}\n--- stdout ---\n${stdout()}`,
      );
    }
    return { stdout: stdout(), stderr: stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** Generates the e2e demo dataset into `dataDir` (creating the database first). */
export async function seedDemo(dataDir: string): Promise<void> {
  await runAisle(dataDir, [
    'demo',
    '--sellers',
    String(E2E_DEMO.sellers),
    '--days',
    String(E2E_DEMO.days),
    '--seed',
    String(E2E_DEMO.seed),
    '--end',
    E2E_DEMO.end,
  ]);
}

/** A port nobody listens on right now: ask the OS for one, then give it back. */
export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS gave no free port'))));
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the process group, then SIGKILL if it has not exited after the grace period. */
export async function killTree(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalTree(child, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
  ]);
  if (timedOut) {
    signalTree(child, 'SIGKILL');
    await exited;
  }
}

export interface AisleServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  dataDir: string;
  /** What the server wrote to stderr so far (the last 64 KB). */
  stderr: () => string;
  /**
   * Resolves once the server writes a line matching `pattern` to its log (stdout) from now on;
   * rejects after `timeoutMs` or when the server exits first.
   */
  waitForLog: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  /** Exit code after `stop()`: 0 means it shut down cleanly on SIGTERM. */
  exitCode: () => number | null;
  stop: () => Promise<void>;
  /** SIGKILL to the whole process tree — a crash or a power cut, no shutdown code runs. */
  kill: () => Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const done = (finish: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      finish();
    };
    const onData = (chunk: Buffer | string) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      const line = lines.find((l) => pattern.test(l));
      if (line !== undefined) done(() => resolve(line));
    };
    const onExit = () => done(() => reject(new Error(`aisle serve exited before logging ${pattern}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`aisle serve did not log ${pattern} within ${timeoutMs} ms`))), timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'status' in body && body.status === 'ok';
  } catch {
    return false;
  }
}

/**
 * Starts `aisle serve` on a free port and resolves once `/api/health` answers ok. `env` adds
 * settings for this server only (e.g. `AISLE_SLOW_STATEMENT_MS: '0'` to log every statement).
 */
export async function startServer(dataDir: string, readyTimeoutMs = 60_000, env: Record<string, string> = {}): Promise<AisleServer> {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnAisle(dataDir, ['serve', '--port', String(port), '--host', '127.0.0.1'], false, env);
  const stdout = captureOutput(child.stdout);
  const stderr = captureOutput(child.stderr);
  // AISLE_SERVER_LOG=FILE keeps the server's whole log (e.g. a benchmark run with AISLE_SLOW_STATEMENT_MS).
  if (process.env.AISLE_SERVER_LOG) {
    const log = createWriteStream(process.env.AISLE_SERVER_LOG, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const server: AisleServer = {
    url,
    dataDir,
    stderr,
    waitForLog: (pattern, timeoutMs = 60_000) => waitForLine(child, pattern, timeoutMs),
    exitCode: () => child.exitCode,
    // AISLE_STOP_GRACE_MS: how long a clean shutdown may take before SIGKILL (a profiled benchmark's server writes its profile then).
    stop: () => killTree(child, Number(process.env.AISLE_STOP_GRACE_MS ?? 5_000)),
    kill: async () => {
      if (hasExited(child)) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      signalTree(child, 'SIGKILL');
      await exited;
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await isHealthy(url))) {
    if (hasExited(child)) {
      throw new Error(
        `aisle serve exited (${child.exitCode ?? child.signalCode}) before it was ready\n` +
          `--- stderr ---\n${stderr()}\n--- stdout ---\n${stdout()}`,
      );
    }
    if (Date.now() > deadline) {
      await killTree(child);
      throw new Error(
        `aisle serve did not answer ${url}/api/health within ${readyTimeoutMs} ms\n--- stderr ---\n${stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return server;
}
