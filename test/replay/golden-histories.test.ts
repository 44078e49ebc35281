import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowsPath } from '../../src/temporal/worker';

// Every history under test/golden-histories was recorded by a real run (see saveGoldenHistory in
// test/support/debtor-fixtures.ts). Replaying them against today's workflow code proves the code
// still makes the same decisions: a change that would break running workflows fails here.

const dir = path.resolve(__dirname, '../golden-histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('golden histories', () => {
  it('when the golden histories are read, then there is one for each recorded journey', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('when every golden history is replayed against the current workflow code, then none diverges', async () => {
    const histories = files.map((file) => {
      const saved = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { workflowId: string; history: unknown };
      return { workflowId: saved.workflowId, history: historyFromJSON(saved.history) };
    });
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'golden-histories' }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
