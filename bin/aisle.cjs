#!/usr/bin/env node
// Entry point of the `aisle` command: runs the TypeScript CLI through tsx's loader, so the same
// sources serve the CLI, the server and the tests without a separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
