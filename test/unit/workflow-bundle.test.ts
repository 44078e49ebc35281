import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';

// The worker evaluates every module of the workflow bundle again for each workflow it creates or
// replays (reuseV8Context keeps module state apart per workflow), so a library imported for its
// values costs CPU on every start and memory in every cached workflow. Zod was 464 KB of it and
// its schemas the largest part of a start's CPU; validation belongs in activities and routes.

const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

describe('the workflow bundle', () => {
  it('when the workflows are bundled, then no validation library is in the bundle', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../../workflows'), logger: quiet as never });

    const modules = [...code.matchAll(/^\/\*\*\*\/ "\.\/node_modules\/([^/"]+)/gm)].map((m) => m[1]);
    expect(new Set(modules).has('zod'), 'zod is bundled: a workflow-side module imports a zod schema as a value').toBe(false);
    expect(modules).toContain('@temporalio');
  }, 60_000);
});
