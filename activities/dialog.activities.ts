import { settleTurn, type SettledTurn } from '../src/dialog/settle-turn';
import type { TurnContext } from '../src/dialog/turn-context';

// The dialog engine's decision, run by the call workflow as a local activity: its result is recorded
// in the call's history, so a later change to the dialog (intents, phrases, policy) never changes what
// a live call decided when it replays after a deploy, and an auditor reads each decision there.

export function createDialogActivities() {
  return {
    async decideTurn(input: { context: TurnContext; candidate?: unknown }): Promise<SettledTurn> {
      return settleTurn(input.context, input.candidate);
    },
  };
}
