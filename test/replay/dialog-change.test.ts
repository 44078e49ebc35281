import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowsPath } from '../../src/temporal/worker';

// A dialog change deployed while calls are live: the workflows are bundled with a rule engine that
// decides every turn differently, and a recorded call history is replayed against them. Calls
// record each turn's decision (a local activity), so the replay takes the decisions from the
// history and never asks the changed engine.

const goldenDir = path.resolve(__dirname, '../golden-histories');
const ruleEngine = path.resolve(__dirname, '../../src/dialog/rule-engine');
const changedRuleEngine = path.resolve(__dirname, 'changed-dialog/rule-engine.ts');

function golden(name: string) {
  const saved = JSON.parse(readFileSync(path.join(goldenDir, `${name}.json`), 'utf8')) as { workflowId: string; history: unknown };
  return { workflowId: saved.workflowId, history: historyFromJSON(saved.history) };
}

async function replayError(bundle: WorkflowBundleWithSourceMap, name: string): Promise<Error | undefined> {
  const { workflowId, history } = golden(name);
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: name }, [{ workflowId, history }])) return result.error;
  throw new Error(`${name} was not replayed`);
}

describe('a dialog change deployed while calls are live', () => {
  let changedDialog: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    changedDialog = await bundleWorkflowCode({
      workflowsPath,
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), [ruleEngine]: changedRuleEngine } } }),
    });
  }, 120_000);

  it('when a recorded call is replayed, then it replays as it ran: the changed engine is not asked again', async () => {
    expect(await replayError(changedDialog, 'pays-on-the-call.call')).toBeUndefined();
  });
});
