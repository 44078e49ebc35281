import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { EncryptionCodec } from '../../src/temporal/codec/encryption-codec';
import { keyRingFromText } from '../../src/temporal/codec/key-ring';
import { decodeHistoryJson, encodeHistoryJson, type HistoryJson } from '../../src/temporal/workflow-histories';

const golden = JSON.parse(readFileSync(path.resolve(__dirname, '../golden-histories/payer-pays.json'), 'utf8')) as { history: HistoryJson & { events: unknown[] } };
const codec = new EncryptionCodec(keyRingFromText(`test=${randomBytes(32).toString('base64')}`, 'test'));
const clearText = (history: HistoryJson) =>
  JSON.stringify(history)
    .match(/"data":"[A-Za-z0-9+/=]*"/g)!
    .map((field) => Buffer.from(field.slice(8, -1), 'base64').toString('latin1'))
    .join('\n');

describe('history payloads', () => {
  it('when a JSON history is encoded, then no payload shows the debtor, and decoding gives back the history exactly', async () => {
    expect(clearText(golden.history)).toContain('Jordan Lee');
    const sealed = await encodeHistoryJson(golden.history, [codec]);
    expect(clearText(sealed)).not.toContain('Jordan Lee');
    expect(clearText(sealed)).not.toContain('+12025551387');
    const opened = await decodeHistoryJson(sealed, [codec]);
    expect(opened).toEqual(golden.history);
    // Field for field as Temporal writes it (no empty data fields), so the SDK reads it back.
    expect(JSON.stringify(opened)).toBe(JSON.stringify(golden.history));
    expect(historyFromJSON(opened).events).toHaveLength(golden.history.events.length);
  });
});
