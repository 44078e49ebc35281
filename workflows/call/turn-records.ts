import type { CallTurnRecord } from '../../activities/call.activities';
import type { TurnContext, Utterance } from '../../src/dialog/turn-context';
import type { TurnDecision } from '../../src/dialog/turn-schema';
import { calls } from './call-activities';
import type { Call } from './call-state';

// Each turn is stored (redacted, keyed by call and sequence) outside the workflow, off the turn's
// critical path: the Update answers Twilio in one workflow task, and the writes go out in batches,
// started and not awaited. A write's completion wakes the workflow (a workflow task of its own),
// so a write per turn would double the tasks a call costs and make the next turn's Update queue
// behind it. Until its batch goes out a record lives in the workflow (its history holds what the
// record is made of); the call does not end before every write is done.

/** A batch's size: its turns stay well under the 64 KB a payload should keep to. */
const turnsPerWrite = 10;

/** What the dialog engine decided in a turn, and how. */
export interface DecidedTurn {
  decision: TurnDecision;
  engine: CallTurnRecord['engine'];
  violations: string[];
  /** The engine's own measure. */
  latencyMs: number;
}

/** How long the turn took by stage, as the workflow sees time (it moves when an activity completes). */
export interface TurnLatency {
  listen?: number;
  decide: number;
  speak?: number;
  total: number;
}

export function keepTurnRecord(call: Call, turnCtx: TurnContext, heard: Utterance, turn: DecidedTurn, latencyMs: TurnLatency): void {
  const { decision } = turn;
  call.unstoredTurns.push({
    callWorkflowId: call.workflowId,
    seq: turnCtx.history.length,
    state: turnCtx.state,
    heard: heard.text,
    asrConfidence: heard.asrConfidence,
    digits: heard.digits,
    said: decision.reply,
    intent: decision.intent,
    entities: decision.entities,
    sentiment: decision.sentiment,
    confidence: decision.confidence,
    nextState: decision.nextState,
    engine: turn.engine,
    violations: turn.violations,
    ...(decision.faqId ? { faq: { id: decision.faqId, language: call.setup.language } } : {}),
    latencyMs: { ...latencyMs },
  });
  if (call.unstoredTurns.length >= turnsPerWrite) storeTurns(call);
}

/**
 * The last turn's words redacted again, once the next turn showed that a number began in them:
 * in the context the dialog engine (and an agent's transcript) reads, and in its record if that
 * is not written yet.
 */
export function amendLastHeard(call: Call, heard: string): void {
  const { history } = call.ctx;
  const last = history.at(-1);
  if (!last) return;
  call.ctx = { ...call.ctx, history: [...history.slice(0, -1), { ...last, heard }] };
  const record = call.unstoredTurns.find((turn) => turn.seq === history.length - 1);
  if (record) record.heard = heard;
}

/** Starts writing the turns kept so far. */
export function storeTurns(call: Call): void {
  const turns = call.unstoredTurns.splice(0);
  if (turns.length > 0) call.writes.push(Promise.all(turns.map((turn) => calls.recordCallTurn(turn))).then(() => undefined));
}
