/**
 * A throw-away PostgreSQL 15 for benchmarks: `initdb` into a temp dir, `postgres` on a free
 * loopback port with its unix socket inside that dir, stopped and deleted afterwards. Debian's
 * binaries refuse to run as root, so as root both run as the `postgres` system user. Durability is
 * off (fsync, synchronous_commit, full_page_writes): this server holds a copy of benchmark data
 * and nothing else, and loading goes faster; query speed is unaffected.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';


const run = promisify(execFile);

/** Where Debian puts the server binaries (`/usr/lib/postgresql/15/bin`), unless PG_BIN says otherwise. */
export async function postgresBinDir(): Promise<string> {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) {
    try {
      await access(path.join(dir, 'initdb'));
      return dir;
    } catch {
      // try the next one
    }
  }
  throw new Error('PostgreSQL 15 is not installed: run `apt-get install postgresql-15` (or set PG_BIN to its bin directory)');
}

/** Settings of the benchmark server: a 2-core, 24 GiB machine shared with DuckDB. */
export const POSTGRES_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '4GB',
  effective_cache_size: '12GB',
  work_mem: '256MB',
  maintenance_work_mem: '2GB',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  max_parallel_workers_per_gather: '2',
  max_parallel_maintenance_workers: '2',
  random_page_cost: '1.1',
  autovacuum: 'off',
  logging_collector: 'off',
  log_min_messages: 'warning',
};

async function freePort(): Promise<number> {
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

/** The identity the server runs as: the `postgres` system user when we are root, else ourselves. */
async function serverIdentity(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, but there is no `postgres` system user to run PostgreSQL as (apt-get install postgresql-15 creates it)');
  }
}

export interface PostgresServer {
  /** Temp dir of the cluster; `shareDir` inside it is readable by the server (for COPY FROM a file). */
  dir: string;
  shareDir: string;
  port: number;
  /** `postgres --version`, e.g. "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
  connect(): Promise<pg.Client>;
  stop(): Promise<void>;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Numbers and dates as Aisle's DuckDB layer returns them: NUMERIC and BIGINT as numbers, DATE as
 * `YYYY-MM-DD` (node-postgres would make a local-time Date of it).
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.NUMERIC || oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export async function startPostgres(log: (line: string) => void = () => {}): Promise<PostgresServer> {
  const bin = await postgresBinDir();
  const identity = await serverIdentity();
  const dir = await mkdtemp(path.join(tmpdir(), 'aisle-bench-pg-'));
  let child: ChildProcess | null = null;
  let output = '';
  const stop = async () => {
    if (child && !hasExited(child)) {
      const exited = new Promise<void>((resolve) => child?.once('exit', () => resolve()));
      // SIGINT to the postmaster is PostgreSQL's "fast shutdown": it ends its backends itself.
      child.kill('SIGINT');
      const timedOut = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)]);
      if (timedOut) {
        signalGroup(child, 'SIGKILL');
        await exited;
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const dataDir = path.join(dir, 'data');
    const shareDir = path.join(dir, 'share');
    await chmod(dir, 0o755);
    // Written by this process (DuckDB's COPY … TO), read by the server (COPY … FROM a file).
    await mkdir(shareDir);
    await chmod(shareDir, 0o777);
    if (identity) await chown(dir, identity.uid, identity.gid);
    const as = identity ? { uid: identity.uid, gid: identity.gid } : {};
    await run(
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'bench', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      { ...as, env: { ...process.env, TZ: 'UTC' } },
    );
    const port = await freePort();
    const settings = { ...POSTGRES_SETTINGS, port: String(port), unix_socket_directories: dir, timezone: 'UTC' };
    child = spawn(
      path.join(bin, 'postgres'),
      ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])],
      { ...as, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } },
    );
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-16_384));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const connect = async () => {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'bench', database: 'postgres', types: TYPES });
      await client.connect();
      return client;
    };
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (hasExited(child)) throw new Error(`postgres exited before it was ready:\n${output}`);
      try {
        const client = await connect();
        await client.end();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 60 s\n${output}`, { cause: error });
        await sleep(200);
      }
    }
    const version = (await run(path.join(bin, 'postgres'), ['--version'])).stdout.trim();
    log(`${version} on 127.0.0.1:${port} (${dir})`);
    return { dir, shareDir, port, version, connect, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
