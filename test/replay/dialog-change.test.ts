import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowsPath } from '../../src/temporal/worker';
import { goldenCodecs, readGolden } from '../support/golden-histories';

// A dialog change deployed while calls are live: the workflows are bundled with a rule engine that
// decides every turn differently, and a recorded call history is replayed against them. Calls
// record each turn's decision (a local activity), so the replay takes the decisions from the
// history and never asks the changed engine.

const ruleEngine = path.resolve(__dirname, '../../src/dialog/rule-engine');
const changedRuleEngine = path.resolve(__dirname, 'changed-dialog/rule-engine.ts');

async function replayError(bundle: WorkflowBundleWithSourceMap, name: string): Promise<Error | undefined> {
  const { workflowId, history } = readGolden(name);
  const dataConverter = { payloadCodecs: goldenCodecs() };
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: name, dataConverter }, [{ workflowId, history }])) return result.error;
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
