import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayHistories, type ReplayOutcome } from '../../src/temporal/history-replay';
import { decodeHistoryJson, type HistoryJson } from '../../src/temporal/workflow-histories';
import { goldenCodecs, goldenDir, goldenFiles, goldenReplayItems } from '../support/golden-histories';

// Every history under test/golden-histories was recorded by a real run (see saveGoldenHistory in
// test/support/debtor-fixtures.ts) and is kept encrypted, as Temporal keeps the service's. Replaying
// them against today's workflow code, through the module `parley audit replay` runs, proves the
// code still makes the same decisions: a change that would break running workflows fails here.

const files = goldenFiles();
const saved = (file: string) => JSON.parse(readFileSync(path.join(goldenDir, file), 'utf8')) as { workflowId: string; history: HistoryJson };
const startOf = (history: HistoryJson) => (history.events as Array<{ workflowExecutionStartedEventAttributes: { workflowType: { name: string }; input?: unknown } }>)[0]!.workflowExecutionStartedEventAttributes;

/** The workflows the worker registers (workflows/index.ts), but the self-check, which `parley doctor` runs and no person's story holds. */
function registeredWorkflowTypes(): string[] {
  const index = readFileSync(path.resolve(__dirname, '../../workflows/index.ts'), 'utf8');
  return [...index.matchAll(/export \{ (\w+) \}/g)].map((match) => match[1]!).filter((name) => name !== 'selfCheckWorkflow');
}

/** A person's name and phone in a workflow's input, at any depth, a payload's data read as the JSON it holds. */
function identifiersIn(value: unknown, found = new Set<string>()): Set<string> {
  if (!value || typeof value !== 'object') return found;
  const payload = value as { metadata?: object; data?: unknown };
  if (payload.metadata && typeof payload.data === 'string') return identifiersIn(JSON.parse(Buffer.from(payload.data, 'base64').toString()), found);
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string' && /^(fullName|firstName|phone)$/.test(key)) found.add(inner);
    else identifiersIn(inner, found);
  }
  return found;
}

/** Every payload's data read as text, as anyone holding the file without the key would read it. */
function payloadTexts(fileText: string): string {
  return [...fileText.matchAll(/"data": ?"([A-Za-z0-9+/=]*)"/g)].map((match) => Buffer.from(match[1]!, 'base64').toString('latin1')).join('\n');
}

describe('golden histories', () => {
  it('when the golden histories are read, then every workflow the worker registers has at least one', () => {
    const recorded = new Set(files.map((file) => startOf(saved(file).history).workflowType.name));
    expect(registeredWorkflowTypes().filter((type) => !recorded.has(type))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('when every golden history is replayed with the codec against the current workflow code, then each passes', async () => {
    const outcomes: ReplayOutcome[] = [];
    for await (const outcome of replayHistories(goldenReplayItems(files), { codecs: goldenCodecs() })) outcomes.push(outcome);
    expect(outcomes.filter((o) => o.status !== 'passed')).toEqual([]);
    expect(outcomes.map((o) => o.source)).toEqual(files);
  }, 120_000);

  it("when a golden history's file is read without the key, then no person's name or phone is in it, in clear or in a payload", async () => {
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(path.join(goldenDir, file), 'utf8');
      const decoded = await decodeHistoryJson(saved(file).history, goldenCodecs());
      const readable = `${text}\n${payloadTexts(text)}`;
      for (const identifier of identifiersIn(startOf(decoded).input)) {
        expect(readable, `${identifier} in ${file}`).not.toContain(identifier);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
