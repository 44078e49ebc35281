import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, demoCampaignYaml, yaml } from '../support/api-calls';

// A campaign or survey document is YAML or JSON: any other body is the client's mistake (4xx), never ours.

describe('campaign and survey document bodies', () => {
  let stack: CollectionsStack;
  let url: string;

  beforeAll(async () => {
    stack = await startCollectionsStack('document-bodies', { worker: false });
    url = stack.service.httpUrl!;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    { method: 'POST', path: '/campaigns/validate', type: 'text/plain', what: 'campaign' },
    { method: 'PUT', path: '/campaigns', type: 'application/x-www-form-urlencoded', what: 'campaign' },
    { method: 'POST', path: '/surveys/validate', type: 'text/plain', what: 'survey' },
    { method: 'PUT', path: '/surveys', type: 'text/csv', what: 'survey' },
  ])('when $method $path gets a $type body, then it answers 415 naming the types it takes', async ({ method, path, type, what }) => {
    const response = await call(url, method, path, { type, content: demoCampaignYaml('typed-wrong') });

    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      error: 'unsupported_media_type',
      message: `send the ${what} document typed application/json, application/yaml, text/yaml (the body was typed ${type})`,
    });
  });

  it('when a YAML campaign parses but aliases an anchor it never sets, then validate and apply answer 400 with the line and column', async () => {
    const document = demoCampaignYaml('unresolved-alias').replace(/^currency: .*$/m, 'currency: *money');
    const line = document.split('\n').findIndex((text) => text.startsWith('currency:')) + 1;

    for (const [method, path] of [['POST', '/campaigns/validate'], ['PUT', '/campaigns']]) {
      const response = await call(url, method, path, yaml(document));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error: 'malformed_document',
        message: `YAML syntax error at line ${line}, column 11: the alias *money names no anchor (&money) set before it`,
      });
    }
  });
});
