import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { EncryptionCodec } from '../../src/temporal/codec/encryption-codec';
import { keyRingFromText } from '../../src/temporal/codec/key-ring';
import { decodeHistoryJson, encodeHistoryJson, type HistoryJson } from '../../src/temporal/workflow-histories';
import { goldenCodecs, goldenDir } from '../support/golden-histories';

const saved = JSON.parse(readFileSync(path.join(goldenDir, 'payer-pays.json'), 'utf8')) as { history: HistoryJson };
const codec = new EncryptionCodec(keyRingFromText(`test=${randomBytes(32).toString('base64')}`, 'test'));
const clearText = (history: HistoryJson) =>
  JSON.stringify(history)
    .match(/"data":"[A-Za-z0-9+/=]*"/g)!
    .map((field) => Buffer.from(field.slice(8, -1), 'base64').toString('latin1'))
    .join('\n');

describe('history payloads', () => {
  let golden: { history: HistoryJson };
  beforeAll(async () => {
    golden = { history: await decodeHistoryJson(saved.history, goldenCodecs()) };
  });

  it('when a JSON history is encoded, then no payload shows the debtor, and decoding gives back the history exactly', async () => {
    expect(clearText(golden.history)).toContain('Jordan Lee');
    const sealed = await encodeHistoryJson(golden.history, [codec]);
    expect(clearText(sealed)).not.toContain('Jordan Lee');
    expect(clearText(sealed)).not.toContain('+12025551387');
    const opened = await decodeHistoryJson(sealed, [codec]);
    expect(opened).toEqual(golden.history);
    // Field for field as Temporal writes it (no empty data fields), so the SDK reads it back.
    expect(JSON.stringify(opened)).toBe(JSON.stringify(golden.history));
    expect(historyFromJSON(opened).events).toHaveLength((golden.history.events as unknown[]).length);
  });

  it("when a JSON history is encoded, then a local activity's marker data stays as core wrote it and only its result is encrypted", async () => {
    const sealed = await encodeHistoryJson(golden.history, [codec]);
    const marker = (history: HistoryJson) => (history.events as Array<{ markerRecordedEventAttributes?: { details: Record<string, { payloads: Array<{ metadata: { encoding: string } }> }> } }>).find((e) => e.markerRecordedEventAttributes)!.markerRecordedEventAttributes!.details;
    const encoding = (details: ReturnType<typeof marker>, field: string) => Buffer.from(details[field]!.payloads[0]!.metadata.encoding, 'base64').toString();
    // Core parses the marker's data on replay, without the codec: encrypted, no replay could read it.
    expect(marker(sealed).data).toEqual(marker(golden.history).data);
    expect(encoding(marker(sealed), 'result')).toBe('binary/encrypted');
  });
});
