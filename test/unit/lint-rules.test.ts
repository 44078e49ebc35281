import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint config is only worth what it catches: a resolver or parser setting gone wrong makes a rule
// pass everything in silence. Each case lints a made-up file at a real path with the repository's own
// config. The type-aware rule (no-floating-promises) is left to `npm run lint`: type information would
// cost this file a whole program build.
const eslint = new ESLint({
  cwd: path.resolve(__dirname, '../..'),
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  ],
});

/** The rules that report `code` as the content of `filePath`. */
async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint', () => {
  it('when a workflow imports a Node built-in, a vendor package or an activity (not its type), then lint refuses it', async () => {
    const file = 'workflows/debtor/new-step.ts';
    expect(await rulesBroken(file, "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesBroken(file, "import mongoose from 'mongoose';\nexport const m = mongoose;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesBroken(file, "import { createActivities } from '../../activities';\nexport const a = createActivities;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await rulesBroken(file, "export const load = () => require('node:fs');\n")).toEqual(['no-restricted-syntax']);
  });

  it('when a workflow imports the workflow API, activity types and pure policy, then lint accepts it', async () => {
    const code = [
      "import { sleep } from '@temporalio/workflow';",
      "import type { Activities } from '../../activities';",
      "import { nextAllowedMoment } from '../../src/policy/contact-window';",
      'export const parts: [typeof sleep, Activities | undefined, typeof nextAllowedMoment] = [sleep, undefined, nextAllowedMoment];',
      '',
    ].join('\n');
    expect(await rulesBroken('workflows/debtor/new-step.ts', code)).toEqual([]);
  });

  it('when a pure module imports an adapter, then lint refuses it; luxon and zod are allowed', async () => {
    const file = 'src/policy/new-rule.ts';
    expect(await rulesBroken(file, "import { connectMongo } from '../adapters/mongo/connection';\nexport const c = connectMongo;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await rulesBroken(file, "import { DateTime } from 'luxon';\nimport { z } from 'zod';\nexport const parts = [DateTime, z];\n")).toEqual([]);
  });

  it('when a survey module imports a Node built-in or an adapter, then lint refuses it: answer parsing runs inside workflows', async () => {
    const file = 'src/surveys/new-reader.ts';
    expect(await rulesBroken(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesBroken(file, "import { connectMongo } from '../adapters/mongo/connection';\nexport const c = connectMongo;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it('when a module imports one that imports it back, then lint reports the cycle', async () => {
    // gateway.ts imports gateway-error.ts: the made-up import closes the loop.
    const code = "import { TemporalGateway } from './gateway';\nexport const g = TemporalGateway;\n";
    expect(await rulesBroken('src/temporal/gateway-error.ts', code)).toEqual(['import-x/no-cycle']);
  });
});
