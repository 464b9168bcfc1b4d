#!/usr/bin/env node
// Entry point of the `aisle` command: runs the TypeScript CLI through tsx's loader, so the same
// sources serve the CLI, the server and the tests without a separate compile step.
//
// CommonJS on purpose: every DuckDB statement runs on one of libuv's pool threads (as do file
// reads and password hashing), and that pool is created, 4 threads by default, the first time
// anything uses it — which loading an ES module entry already does. Sized here, before anything
// is loaded, the server keeps a thread for a page's short query while imports, report builds and
// the jobs after an import run long statements (with 4, four long statements stalled every
// request). An UV_THREADPOOL_SIZE set by the caller wins.
process.env.UV_THREADPOOL_SIZE ??= '32';

import('tsx/esm/api')
  .then(({ register }) => {
    register();
    return import('../src/cli/main.ts');
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
