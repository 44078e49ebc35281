import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { parleyDataConverter } from '../../src/temporal/codec/data-converter';
import { decodeHistoryJson, type HistoryJson } from '../../src/temporal/workflow-histories';

// A scan for identifiers left in the clear where the service keeps things: every MongoDB
// collection, the service log, every workflow history (payloads decoded). It is written apart from
// src/policy/redaction.ts on purpose, so that a form the redactor misses is not missed here too:
// digits said as words are read as digits, separators are dropped, and what is left is checked.

export interface PiiFinding {
  where: string;
  kind: 'card' | 'ssn' | 'national-id' | 'planted';
  text: string;
}

const digitWords: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

function luhn(digits: string): boolean {
  const sum = [...digits].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return sum % 10 === 0;
}

function chineseIdCheck(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/**
 * Card numbers (13-19 digits, Luhn), SSNs (3-2-4, or nine digits after "SSN"/"social") and Chinese
 * resident IDs (18 characters, check digit) in the clear in `text`, and any `planted` digit string
 * inside one number.
 */
export function piiIn(text: string, planted: readonly string[] = []): Array<{ kind: PiiFinding['kind']; text: string }> {
  const spelled = text
    // A UUID (an idempotency key, a payment id) whose first groups are all digits is not a card.
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, 'uuid')
    .replace(/\b(?:(double|triple)\s+)?(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/gi, (_w, repeat: string | undefined, word: string) =>
      digitWords[word.toLowerCase()]!.repeat(repeat ? (repeat.toLowerCase() === 'double' ? 2 : 3) : 1),
    )
    .replace(/[零〇幺一二两三四五六七八九]/g, (char) => digitWords[char]!);
  const found: Array<{ kind: PiiFinding['kind']; text: string }> = [];
  for (const match of spelled.matchAll(/(?<![A-Za-z0-9])\d(?:[\s.,/-]{0,3}\d)*(?:\s?[Xx])?(?![A-Za-z0-9])/g)) {
    const run = match[0];
    const digits = run.replace(/[^\dXx]/g, '');
    const before = spelled.slice(Math.max(0, match.index - 30), match.index);
    if (/^\d{13,19}$/.test(digits) && luhn(digits)) found.push({ kind: 'card', text: run });
    else if (/^\d{17}[\dXx]$/.test(digits) && chineseIdCheck(digits)) found.push({ kind: 'national-id', text: run });
    else if (/^\d{3}[\s.-]+\d{2}[\s.-]+\d{4}$/.test(run) || (/^\d{9}$/.test(digits) && /\b(ssn|social)\b/i.test(before))) found.push({ kind: 'ssn', text: run });
    else if (planted.some((number) => digits.includes(number))) found.push({ kind: 'planted', text: run });
  }
  return found;
}

/** Every string in a value (a workflow history, a document), at any depth, Temporal payloads decoded. */
export function decodedStrings(value: unknown): string[] {
  return [...stringsIn(value)];
}

/** Every string in a value, at any depth; a Temporal payload's data is decoded and read as the JSON it holds. */
function* stringsIn(value: unknown, seen = new Set<object>()): Generator<string> {
  if (typeof value === 'string') yield value;
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const payload = value as { metadata?: Record<string, Uint8Array>; data?: unknown };
  if (payload.data instanceof Uint8Array && payload.metadata) {
    const data = Buffer.from(payload.data).toString('utf8');
    const encoding = payload.metadata.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : '';
    yield* encoding === 'json/plain' ? stringsIn(JSON.parse(data), seen) : [data];
    return;
  }
  if (value instanceof Uint8Array || value instanceof Date) return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) yield* stringsIn(item, seen);
}

function scanned(where: string, value: unknown, planted: readonly string[]): PiiFinding[] {
  return decodedStrings(value).flatMap((text) => piiIn(text, planted).map((finding) => ({ where, ...finding })));
}

/** Every document of every collection of the database. Binary fields (audio) are not text and are skipped. */
export async function scanMongo(uri: string, planted: readonly string[] = []): Promise<PiiFinding[]> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const collections = await connection.db!.listCollections().toArray();
    const findings = await Promise.all(
      collections.map(async ({ name }) => (await connection.db!.collection(name).find().toArray()).flatMap((doc) => scanned(`mongo ${name} ${String(doc._id)}`, doc, planted))),
    );
    return findings.flat();
  } finally {
    await connection.close();
  }
}

/** Every line of a JSON-lines log: its strings only (a timestamp is a number, not an identifier). */
export function scanLog(file: string, planted: readonly string[] = []): PiiFinding[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line, index) => scanned(`log line ${index + 1}`, JSON.parse(line), planted));
}

/** Every run of every workflow in the namespace, in the JSON form of Temporal's CLI, as the server stores it. */
async function* storedHistories(address: string, namespace: string): AsyncGenerator<{ workflowId: string; history: HistoryJson }> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    for await (const workflow of client.workflow.list()) {
      const history = await client.workflow.getHandle(workflow.workflowId, workflow.runId).fetchHistory();
      yield { workflowId: workflow.workflowId, history: JSON.parse(historyToJSON(history)) as HistoryJson };
    }
  } finally {
    await connection.close();
  }
}

/**
 * Every workflow's history in the namespace, payloads decoded with the service's payload keys (when
 * it encrypts): what the service itself wrote, before the codec sealed it.
 */
export async function scanHistories(address: string, namespace: string, planted: readonly string[] = [], payloadKeys?: string): Promise<PiiFinding[]> {
  const codecs = parleyDataConverter(payloadKeys ? { list: payloadKeys } : undefined)?.payloadCodecs ?? [];
  const findings: PiiFinding[] = [];
  for await (const { workflowId, history } of storedHistories(address, namespace)) {
    findings.push(...scanned(`history ${workflowId}`, historyFromJSON(await decodeHistoryJson(history, codecs)), planted));
  }
  return findings;
}

/**
 * What anyone with access to the Temporal server reads, without the codec: each place where one
 * of `clearTexts` (people's names and numbers) shows, and each payload that is not ciphertext
 * outside what Temporal's core writes for itself (markers: a patch's id, a local activity's
 * type; the TemporalChangeVersion search attribute).
 */
export async function scanRawHistories(address: string, namespace: string, clearTexts: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for await (const { workflowId, history } of storedHistories(address, namespace)) {
    const events = (history.events ?? []) as Array<Record<string, unknown>>;
    for (const event of events) {
      const own = 'markerRecordedEventAttributes' in event || 'upsertWorkflowSearchAttributesEventAttributes' in event;
      const raw = JSON.stringify(event, (key, value: unknown) => (key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('latin1') : value));
      for (const text of clearTexts) if (raw.includes(text)) problems.push(`${workflowId} event ${String(event.eventId)}: "${text}" in clear`);
      for (const encoding of own ? [] : encodingsIn(event)) if (encoding !== 'binary/encrypted') problems.push(`${workflowId} event ${String(event.eventId)}: a ${encoding} payload`);
    }
  }
  return problems;
}

function encodingsIn(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  const metadata = (value as { metadata?: { encoding?: unknown } }).metadata;
  if (typeof metadata?.encoding === 'string') return [Buffer.from(metadata.encoding, 'base64').toString('utf8')];
  return Object.values(value).flatMap(encodingsIn);
}

/** The names and phone numbers of every debtor and respondent in the database. */
export async function peopleIn(uri: string): Promise<string[]> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const people = await Promise.all(['debtors', 'respondents'].map((name) => connection.db!.collection(name).find({}, { projection: { fullName: 1, firstName: 1, phone: 1 } }).toArray()));
    const texts = people.flat().flatMap((person) => [person.fullName, person.firstName, person.phone, person.phone?.replace(/^\+/, '')]);
    return [...new Set(texts.filter((text): text is string => typeof text === 'string' && text.length >= 4))];
  } finally {
    await connection.close();
  }
}
