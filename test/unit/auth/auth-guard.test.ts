import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { registerAuthGuard } from '../../../src/http/access/auth-guard';
import { maskedForAuditor } from '../../../src/http/access/auditor-view';

describe('the access table guards the app as it is built', () => {
  it('when a route is registered without an entry in the access table, then building the app fails naming the route', async () => {
    const app = Fastify();
    registerAuthGuard(app, async () => ({ ok: false, reason: 'none' }));
    expect(() => app.get('/campaigns/:campaignId/secrets', async () => 'open')).toThrow('GET /campaigns/:campaignId/secrets declares no access');
    await app.close();
  });
});

describe("the auditor's view", () => {
  it('when an answer holds phone numbers and birth years at any depth, then they are masked and other values are kept', () => {
    const at = new Date('2026-11-30T10:00:00Z');
    const masked = maskedForAuditor({
      profile: { phone: '+12125550142', birthYear: 1961, fullName: 'Ada Byron', amountDueMinor: 12000 },
      attempts: [{ to: '+447700900123', at, body: 'call +1 212 555 0142' }],
      reference: 'A-1',
    });
    expect(masked).toEqual({
      profile: { phone: '+•••••••••42', birthYear: '••••', fullName: 'Ada Byron', amountDueMinor: 12000 },
      attempts: [{ to: '+••••••••••23', at, body: 'call +1 212 555 0142' }],
      reference: 'A-1',
    });
  });
});
