import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// `npm run check` must fail when the domain library reaches into a shell or a UI framework.
// The rule lives in eslint.config.js; this test lints small virtual files placed in src/core.
describe('src/core import boundary', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  async function messagesFor(code: string, filePath = 'src/core/sellers/example.ts'): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ["import { buildApp } from '../../server/app.ts';", 'server'],
    ["import { buildProgram } from '../../cli/main.ts';", 'cli'],
    ["import { App } from '../../../web/src/app/App.tsx';", 'web'],
    ["import Fastify from 'fastify';", 'fastify'],
    ["import { Command } from 'commander';", 'commander'],
    ["import { useState } from 'react';", 'react'],
  ])('refuses %s', async (code) => {
    const messages = await messagesFor(`${code}\nexport const x = 1;\n`);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(/src\/core/);
  });

  it('allows core-to-core imports and the same imports outside core', async () => {
    expect(await messagesFor("import { sql } from '../db/sql.ts';\nexport const q = sql`SELECT 1`;\n")).toEqual([]);
    expect(await messagesFor("import Fastify from 'fastify';\nexport const f = Fastify;\n", 'src/server/example.ts')).toEqual([]);
  });
});
