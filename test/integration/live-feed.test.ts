import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { campaignCall, personSaid, runCall, serviceSaid, verifiedCaller } from '../support/call-fixtures';
import { redactSensitive } from '../../src/policy/redaction';
import { apiKeyFor, bearer } from '../support/api-calls';
import { listenLive, type LiveListener } from '../../src/load/live-listener';
import type { LiveEvent } from '../../src/live/live-events';

// The console's live channel (GET /console/live/events) while a real call runs through the worker,
// the Twilio simulator and the service's voice webhooks: a snapshot, then each line as it is
// spoken (redacted), the stage, the end; an auditor's numbers masked; nobody in without a key.

describe('the live channel', () => {
  let stack: CollectionsStack;
  let base: string;
  const keys = { admin: '', auditor: '' };
  const phone = '+12025554101';
  const { call, input } = campaignCall('acct-live', phone);
  const listeners: LiveListener[] = [];
  const listen = async (headers: Record<string, string>) => {
    const listener = await listenLive(base, headers);
    listeners.push(listener);
    return listener;
  };
  const ofCall = (kind: LiveEvent['kind']) => (event: LiveEvent) => event.kind === kind && 'call' in event && event.call === call;

  beforeAll(async () => {
    stack = await startCollectionsStack('live-feed');
    base = stack.service.httpUrl!;
    await storeCampaignVersion(stack.service.mongo.models, loadTestCampaign('voice-test.yaml'), 1);
    keys.admin = await apiKeyFor(stack.service, 'admin', 'live-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'live-auditor');
  });
  afterAll(async () => {
    for (const listener of listeners) listener.close();
    await stack?.stop();
  });

  it('when the channel is opened without a key, or with the console cookie of no one, then it is refused with 401', async () => {
    expect((await fetch(`${base}/console/live/events`)).status).toBe(401);
    expect((await fetch(`${base}/console/live/events`, { headers: { cookie: 'parley_console=parley_0123456789abcdef_not-the-secret' } })).status).toBe(401);
  });

  it('when a call runs, then each line reaches the channel as it is spoken, redacted, with its stage and its end, and an auditor sees the number masked', async () => {
    const admin = await listen(bearer(keys.admin));
    const auditor = await listen(bearer(keys.auditor));
    expect((await admin.snapshot).calls[call]).toBeUndefined();
    stack.simulator.people.assign(phone, verifiedCaller('Jordan Lee', 1985, { say: 'My card is 4111 1111 1111 1111, bye.', confidence: 0.95 }));

    const result = await runCall(stack, call, input);
    await admin.waitFor(ofCall('call-ended'));
    await auditor.waitFor(ofCall('call-ended'));

    const events = admin.events.map((e) => e.event).filter((e) => 'call' in e && e.call === call);
    const started = events.find((e) => e.kind === 'call-started');
    expect(started).toMatchObject({ who: { campaignId: 'voice-test', ref: 'acct-live', phone } });
    const lines = events.flatMap((e) => (e.kind === 'turn' ? [`${e.speaker}: ${e.text}`] : []));
    expect(lines.filter((l) => l.startsWith('caller: '))).toEqual(expect.arrayContaining(['caller: Yes, this is Jordan Lee.', 'caller: My card is [CARD], bye.']));
    expect(lines.some((l) => l.startsWith('service: '))).toBe(true);
    expect(lines.join('\n')).toContain('[CARD]');
    expect(JSON.stringify(events)).not.toContain('4111');
    expect(events.filter((e) => e.kind === 'stage').map((e) => (e.kind === 'stage' ? e.stage : ''))).toContain('verification');
    // Line for line what the simulated person heard and said (their words redacted).
    await stack.simulator.settle();
    const transcript = stack.simulator.store.listCalls({ to: phone })[0]!.transcript;
    expect(lines.filter((l) => l.startsWith('service: '))).toEqual(serviceSaid(transcript).map((text) => `service: ${text}`));
    // The person's pick-up line ("Hello?") is said before anything listens: no webhook carries it.
    expect(lines.filter((l) => l.startsWith('caller: '))).toEqual(personSaid(transcript).slice(1).map((text) => `caller: ${redactSensitive(text)}`));
    expect(result.status).toBe('completed');

    const auditorStarted = auditor.events.map((e) => e.event).find(ofCall('call-started'));
    expect(auditorStarted).toMatchObject({ who: { ref: 'acct-live', phone: '+•••••••••01' } });
    expect(JSON.stringify(auditor.events)).not.toContain(phone);
  });

  it('when a page connects after the call, then its snapshot holds the call with its transcript, and the console cookie alone opens it', async () => {
    const signedIn = await fetch(`${base}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: keys.auditor }) });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const page = await listen({ cookie });
    const snapshot = await page.snapshot;
    expect(snapshot.calls[call]).toMatchObject({ stage: 'ended', who: { phone: '+•••••••••01' } });
    expect(snapshot.calls[call]!.turns.map((t) => t.text)).toContain('Yes, this is Jordan Lee.');
    expect(snapshot.counters.callsPlaced).toBeGreaterThanOrEqual(1);
  });
});
