import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

// A person's story spans every run of their workflow id: a long campaign continues as new, and
// each run's history holds only its own part. Auditors read, export and replay all of them.

export type History = temporal.api.history.v1.IHistory;

export interface RunHistory {
  workflowId: string;
  runId: string;
  history: History;
}

/**
 * Every run of the workflow, oldest first, as the server stores them (payloads still encoded).
 * Walks back from the latest run through each start event's `continuedExecutionRunId`, so it needs
 * no visibility query (which lags behind the histories).
 */
export async function workflowRunHistories(client: Client, workflowId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  let runId: string | undefined;
  do {
    const handle = client.workflow.getHandle(workflowId, runId);
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    runs.unshift({ workflowId, runId: runId ?? (started?.originalExecutionRunId || (await handle.describe()).runId), history });
    runId = started?.continuedExecutionRunId || undefined;
  } while (runId);
  return runs;
}

/** A history in the JSON form of Temporal's CLI and UI (`historyToJSON`): what export writes and replay reads. */
export type HistoryJson = Record<string, unknown>;

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

function isJsonPayload(value: unknown): value is JsonPayload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { metadata, data } = value as JsonPayload;
  return typeof metadata === 'object' && metadata !== null && 'encoding' in metadata && (data === undefined || typeof data === 'string');
}

function fromBase64(text: string | undefined): Uint8Array {
  return new Uint8Array(Buffer.from(text ?? '', 'base64'));
}

function toBase64(bytes: Uint8Array | null | undefined): string {
  return Buffer.from(bytes ?? new Uint8Array()).toString('base64');
}

type PayloadStep = (payloads: Payload[]) => Promise<Payload[]>;

async function convertPayload(json: JsonPayload, step: PayloadStep): Promise<JsonPayload> {
  const [payload] = await step([{ metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([k, v]) => [k, fromBase64(v)])), data: fromBase64(json.data) }]);
  const { data: _stored, ...rest } = json;
  const data = toBase64(payload.data);
  // An empty payload (binary/null) has no data field in Temporal's JSON; keep it that way.
  return { ...rest, metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, toBase64(v)])), ...(data ? { data } : {}) };
}

/**
 * A copy of a JSON history with `step` applied to every payload in it that a codec handles,
 * wherever it sits. Temporal writes some payloads for itself, and no codec touches them: search
 * attributes (the server indexes them) and a marker's details (core reads a local activity's or a
 * patch's marker back on replay without the codec), except a local activity's result, which is
 * the workflow's own.
 */
async function convertHistoryJson(history: HistoryJson, step: PayloadStep): Promise<HistoryJson> {
  async function convert(value: unknown): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map(convert));
    if (isJsonPayload(value)) return convertPayload(value, step);
    if (typeof value !== 'object' || value === null) return value;
    const entries = await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await convertField(value, key, inner)] as const));
    return Object.fromEntries(entries);
  }
  function convertField(parent: object, key: string, inner: unknown): Promise<unknown> | unknown {
    if (key === 'searchAttributes') return inner;
    if (key === 'details' && 'markerName' in parent) return convertMarkerDetails(inner);
    return convert(inner);
  }
  async function convertMarkerDetails(details: unknown): Promise<unknown> {
    if (typeof details !== 'object' || details === null || !('result' in details)) return details;
    return { ...details, result: await convert(details.result) };
  }
  return (await convert(history)) as HistoryJson;
}

/**
 * Every payload decoded (inputs, results, signals, updates, memos, failure details), as the SDK
 * does: the last codec applied on the way out is the first undone. The replayer takes the result.
 */
export function decodeHistoryJson(history: HistoryJson, codecs: readonly PayloadCodec[]): Promise<HistoryJson> {
  return convertHistoryJson(history, async (payloads) => {
    for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
    return payloads;
  });
}

/** Every payload encoded, as a worker with these codecs would have written it. */
export function encodeHistoryJson(history: HistoryJson, codecs: readonly PayloadCodec[]): Promise<HistoryJson> {
  return convertHistoryJson(history, async (payloads) => {
    for (const codec of codecs) payloads = await codec.encode(payloads);
    return payloads;
  });
}
