import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { routeAccess } from '../../src/http/access/route-access';
import { allows, roles, type Role } from '../../src/auth/roles';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, runCli, yaml } from '../support/api-calls';

/** A request line of the table with made-up path parameters: access is decided before they are looked at. */
function requestFor(route: string): { method: string; path: string } {
  const [method, pattern] = route.split(' ');
  return { method, path: pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'phone' ? '+12025550100' : `no-such-${name}`)) };
}

describe('who may call what', () => {
  let stack: CollectionsStack;
  let url: string;
  const keys = {} as Record<Role, string>;

  beforeAll(async () => {
    stack = await startCollectionsStack('access-control', { worker: true });
    url = stack.service.httpUrl!;
    for (const role of roles) keys[role] = await apiKeyFor(stack.service, role, `${role}-key`);
  });
  afterAll(async () => stack?.stop());

  it('when a route is called without credentials, then every route but the public ones answers 401 with how to authenticate', async () => {
    for (const [route, access] of Object.entries(routeAccess).filter(([route]) => !route.startsWith('OPTIONS'))) {
      const { method, path } = requestFor(route);
      const response = await call(url, method, path, undefined, { authorization: '' });
      if (access === 'public') expect(response.status, route).not.toBe(401);
      else expect({ route, status: response.status, message: response.body.message }).toEqual({ route, status: 401, message: expect.stringContaining('Authorization: Bearer') });
    }
  });

  it('when each role calls each route, then the role table decides: 403 naming the role needed, or through to the route', async () => {
    for (const [route, access] of Object.entries(routeAccess)) {
      if (access === 'public') continue;
      const { method, path } = requestFor(route);
      for (const role of roles) {
        const response = streams.has(route) ? await opened(`${url}${path}`, bearer(keys[role])) : await call(url, method, path, undefined, bearer(keys[role]));
        if (allows(role, access)) expect([route, role, response.status]).not.toContainEqual(403);
        else expect({ route, role, status: response.status, message: response.body.message }).toEqual({ route, role, status: 403, message: expect.stringContaining(`needs the ${access === 'audit' ? 'auditor or admin' : access} role`) });
        expect([route, role, response.status]).not.toContainEqual(401);
      }
    }
  });

  it('when /openapi.json is read, then every route of the table is there with its role and credentials', async () => {
    const { body: document } = await call(url, 'GET', '/openapi.json', undefined, bearer(keys.auditor));
    expect(Object.keys(document.components.securitySchemes)).toEqual(['apiKey', 'oidc']);
    // A CORS preflight is the browser's, not an operation of the API.
    for (const [route, access] of Object.entries(routeAccess).filter(([route]) => !route.startsWith('OPTIONS'))) {
      const [method, pattern] = route.split(' ');
      const operation = document.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, route).toBeDefined();
      if (access === 'public') expect(operation.security, route).toEqual([]);
      else expect({ route, role: operation['x-parley-role'], has401: '401' in operation.responses }).toEqual({ route, role: { read: 'any', audit: 'auditor or admin' }[access as string] ?? access, has401: true });
    }
  });

  it('when a key is wrong, unknown or revoked, then the API answers 401 and says the key is not valid', async () => {
    const revoked = await apiKeyFor(stack.service, 'admin', 'soon-revoked');
    await stack.service.mongo.repositories.apiKeys.revoke('soon-revoked', new Date());
    const forged = keys.admin.slice(0, -4) + 'AAAA';
    for (const credential of [revoked, forged, 'parley_0000000000000000_xyz', 'not-a-key']) {
      const response = await call(url, 'GET', '/openapi.json', undefined, bearer(credential));
      expect(response.status, credential).toBe(401);
      expect(response.body.error).toBe('unauthorized');
    }
  });

  it('when an auditor reads a debtor, then the phone number and birth year are masked; and each action records who took it', async () => {
    const campaignId = `audited-${randomUUID().slice(0, 8)}`;
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)), bearer(keys.admin))).status).toBe(201);
    const imported = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv('accountRef,fullName,phone,amountDue,dueDate,birthYear\nA-1,Ada Byron,+12125550142,120.00,2026-03-01,1961\n'), bearer(keys.admin));
    expect(imported.body).toMatchObject({ started: 1 });

    const asAdmin = await call(url, 'GET', `/campaigns/${campaignId}/debtors/A-1`, undefined, bearer(keys.admin));
    expect(asAdmin.body.profile).toMatchObject({ phone: '+12125550142', birthYear: 1961, fullName: 'Ada Byron' });
    const asAuditor = await call(url, 'GET', `/campaigns/${campaignId}/debtors/A-1`, undefined, bearer(keys.auditor));
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.body.profile).toMatchObject({ phone: '+•••••••••42', birthYear: '••••', fullName: 'Ada Byron', amountDueMinor: 12000 });
    expect(JSON.stringify(asAuditor.body)).not.toContain('+12125550142');

    // Who acted reaches the workflow's audit log, the payment record and the campaign's version.
    expect((await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-1/pause`, { reason: 'customer asked for a week' }, bearer(keys.operator))).status).toBe(200);
    expect((await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-1/payments`, { amount: '20.00' }, bearer(keys.agent))).status).toBe(202);
    const audited = await eventually('the audit events', async () => {
      const events = (await stack.service.mongo.models.auditEvents.find({ campaignId }).lean()).filter((event) => ['paused', 'payment-received'].includes(event.type));
      return events.length === 2 ? events : undefined;
    });
    expect(Object.fromEntries(audited.map((event) => [event.type, (event.data as { actor?: string }).actor]))).toEqual({ paused: 'key:operator-key', 'payment-received': 'key:agent-key' });
    expect(await stack.service.mongo.models.payments.findOne({ amountMinor: 2000 }).lean()).toMatchObject({ recordedBy: 'key:agent-key' });
    expect(await stack.service.mongo.models.campaignVersions.findOne({ campaignId }).lean()).toMatchObject({ appliedBy: 'key:admin-key' });
  });

  it('when `parley keys` creates, lists and revokes a key, then the CLI sends it, the service holds it to its role, and the list shows its last use and revocation', async () => {
    const database = { MONGODB_URI: stack.env.MONGODB_URI, MONGODB_DATABASE: stack.env.MONGODB_DATABASE };
    const created = await runCli(['keys', 'create', '--name', 'ops-bot', '--role', 'operator', '--json'], database);
    expect(created.code).toBe(0);
    const { apiKey, keyId } = JSON.parse(created.stdout) as { apiKey: string; keyId: string };
    const listed = await runCli(['keys', 'list', '--json'], database);
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ keyId, name: 'ops-bot', role: 'operator' }));
    expect(listed.stdout).not.toContain(apiKey.split('_')[2]);

    const asOperator = { PARLEY_API_URL: url, PARLEY_API_KEY: apiKey };
    const file = path.join(os.tmpdir(), `access-${keyId}.yaml`);
    writeFileSync(file, demoCampaignYaml(`cli-${keyId}`));
    const refused = await runCli(['campaign', 'apply', file], asOperator);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('needs the admin role') });
    expect(await runCli(['campaign', 'apply', file], { PARLEY_API_URL: url, PARLEY_API_KEY: '' })).toMatchObject({ code: 2, stderr: expect.stringContaining('PARLEY_API_KEY') });
    expect((await runCli(['keys', 'revoke', 'ops-bot'], database)).code).toBe(0);
    const after = JSON.parse((await runCli(['keys', 'list', '--json'], database)).stdout) as Array<{ keyId: string; revokedAt?: string; lastUsedAt?: string }>;
    expect(after.find((key) => key.keyId === keyId)).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: expect.any(String) });
    expect(await runCli(['keys', 'create', '--name', 'x', '--role', 'superuser'], database)).toMatchObject({ code: 2, stderr: expect.stringContaining('--role') });
    expect(await runCli(['keys', 'revoke', 'ops-bot'], database)).toMatchObject({ code: 2, stderr: expect.stringContaining("no active key") });
  });
});

/** Routes whose answer is a stream that does not end (the console's live channel). */
const streams = new Set(['GET /console/live/events']);

/** A stream's status, once its headers came; the stream is then closed. */
async function opened(address: string, headers: Record<string, string>): Promise<{ status: number; body: { message?: string } }> {
  const abort = new AbortController();
  const response = await fetch(address, { headers, signal: abort.signal });
  const body = response.status === 200 ? {} : ((await response.json()) as { message?: string });
  abort.abort();
  return { status: response.status, body };
}
