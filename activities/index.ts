import type { Models } from '../src/adapters/mongo/models';
import { createSelfCheckActivities } from './self-check.activities';

/** What the activities need from the outside world; the worker passes the real adapters. */
export interface ActivityDeps {
  models: Models;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createSelfCheckActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
