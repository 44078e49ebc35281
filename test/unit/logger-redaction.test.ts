import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger';

/** What `log` wrote to a service log file, line by line. */
async function logged(log: (logger: ReturnType<typeof createLogger>) => void): Promise<Array<Record<string, unknown>>> {
  const file = join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'service.log');
  const logger = createLogger('info', { pretty: false, file });
  log(logger);
  await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the service log', () => {
  it('when a phone number is logged anywhere (a field, deep down, a URL, a message, an error), then only its last 2 digits are readable', async () => {
    const [line] = await logged((logger) =>
      logger.info(
        { to: '+15551234567', contact: { people: [{ phone: '+8613800138000' }] }, url: '/webhooks/twilio/sms?From=%2B15557654321', err: new Error('texting +15559876543 failed') },
        'SMS to +15551112222 sent',
      ),
    );
    const text = JSON.stringify(line);
    for (const phone of ['5551234567', '13800138000', '5557654321', '5559876543', '5551112222']) expect(text).not.toContain(phone.slice(0, -2));
    expect(line).toMatchObject({ to: '+*********67', contact: { people: [{ phone: '+***********00' }] }, url: '/webhooks/twilio/sms?From=%2B*********21', msg: 'SMS to +*********22 sent' });
    expect((line!.err as { message: string }).message).toBe('texting +*********43 failed');
  });

  it('when a message body, a speech result or a turn is logged, then its words are omitted at any depth', async () => {
    const [line] = await logged((logger) =>
      logger.info({ sms: { Body: 'I lost my job, please call me', MessageSid: 'SM1' }, form: { SpeechResult: 'my date of birth is 1980' }, turns: [{ heard: 'yes', said: 'Thank you' }] }, 'webhook'),
    );
    expect(line).toMatchObject({ sms: { Body: '[omitted]', MessageSid: 'SM1' }, form: { SpeechResult: '[omitted]' }, turns: [{ heard: '[omitted]', said: '[omitted]' }] });
  });

  it('when a card, an SSN or an ID number is logged in any string, then it is redacted and the line stays valid JSON', async () => {
    const [line] = await logged((logger) => logger.warn({ note: 'card 4111.1111.1111.1111, social is 123 45 6789' }, 'caller said four one one one one one one one one one one one one one one one'));
    expect(line).toMatchObject({ note: 'card [CARD], social is [SSN]', msg: 'caller said [CARD]' });
    expect(typeof line!.time).toBe('number');
  });
});
