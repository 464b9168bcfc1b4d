import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { sql } from '../core/db/sql.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';

const BIN = path.resolve('bin/aisle.cjs');

describe('aisle serve', () => {
  it('listens on 127.0.0.1, answers health, and closes the database cleanly on SIGTERM', async () => {
    const tmp = await makeTempDir();
    const child = spawn(process.execPath, [BIN, '--data-dir', tmp.dir, 'serve', '--port', '0'], {
      env: { ...process.env, AISLE_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The file is closed and consistent: another process can open it for writing right away.
      const { db } = await openDataDir(tmp.dir);
      const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM rubrics`);
      expect(row?.n).toBe(1);
      await db.close();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await tmp.remove();
    }
  });
});
