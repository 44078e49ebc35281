import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startCollectionsStack, eventually, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, demoSurveyYaml, yaml } from '../support/api-calls';

// The lists of campaigns and surveys, their version histories and diffs, and the progress of a
// pause's broadcast: what the console's Campaigns and Surveys pages read. The stack's database is
// its own, so the lists hold exactly what these tests applied (in the order they run).

describe('campaign and survey lists, versions and broadcasts over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    stack = await startCollectionsStack('campaign-versions');
    url = stack.service.httpUrl!;
    auditor = bearer(await apiKeyFor(stack.service, 'auditor', 'versions-auditor'));
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml('list-a', 'Alpha Card')));
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml('list-b', 'Beta Card')));
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml('list-b', 'Beta Card Recoveries')));
    await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml('list-survey')));
    const imported = await call(url, 'POST', '/campaigns/list-a/debtors/import', csv('accountRef,fullName,phone,amountDue,dueDate\nL-1,Ada Park,+12125550131,40.00,2026-03-01\nL-2,Bo Park,+12125550132,40.00,2026-03-01\n'));
    expect(imported.body).toMatchObject({ started: 2 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when the campaigns and the surveys are listed, then each list holds its own kind, in id order, with the latest name, version and people', async () => {
    const campaigns = await call(url, 'GET', '/campaigns', undefined, auditor);
    expect(campaigns.status).toBe(200);
    expect(campaigns.body).toEqual({
      items: [
        { id: 'list-a', name: 'Alpha Card', latestVersion: 1, paused: false, updatedAt: expect.any(String), people: { total: 2, running: 2 } },
        { id: 'list-b', name: 'Beta Card Recoveries', latestVersion: 2, paused: false, updatedAt: expect.any(String), people: { total: 0, running: 0 } },
      ],
    });
    const surveys = await call(url, 'GET', '/surveys', undefined, auditor);
    expect(surveys.body.items.map((item: { id: string }) => item.id)).toEqual(['list-survey']);
  });

  it('when the campaigns are read a page at a time, then each page names the next until the last', async () => {
    const first = await call(url, 'GET', '/campaigns?limit=1');
    expect(first.body).toMatchObject({ items: [{ id: 'list-a' }], next: 'list-a' });
    const second = await call(url, 'GET', `/campaigns?limit=1&after=${first.body.next}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: 'list-b' })] });
    const bad = await call(url, 'GET', '/campaigns?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'limit', message: expect.any(String) }]);
  });

  it("when a campaign's history is read, then its versions come newest first with who applied each", async () => {
    const history = await call(url, 'GET', '/campaigns/list-b/versions', undefined, auditor);
    expect(history.body).toEqual({
      id: 'list-b',
      latestVersion: 2,
      versions: [
        { version: 2, name: 'Beta Card Recoveries', createdAt: expect.any(String), appliedBy: expect.stringMatching(/^key:/) },
        { version: 1, name: 'Beta Card', createdAt: expect.any(String), appliedBy: expect.stringMatching(/^key:/) },
      ],
    });
    expect((await call(url, 'GET', '/campaigns/list-b/versions?limit=1')).body).toMatchObject({ versions: [{ version: 2 }], next: 2 });
    expect((await call(url, 'GET', '/campaigns/list-b/versions?limit=1&before=2')).body.versions).toEqual([expect.objectContaining({ version: 1 })]);
  });

  it('when two versions are compared, then each changed path is listed with its old and new values, either way round', async () => {
    const document = parseYaml(demoCampaignYaml('zz-diffed', 'Diffed Card'));
    await call(url, 'PUT', '/campaigns', document);
    const changed = { ...document, name: 'Diffed Card Services', helpText: { ...document.helpText, en: 'Call 1-800-555-0100.' } };
    expect((await call(url, 'PUT', '/campaigns', changed)).status).toBe(201);

    const diff = await call(url, 'GET', '/campaigns/zz-diffed/versions/diff?from=1&to=2', undefined, auditor);
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      id: 'zz-diffed',
      from: 1,
      to: 2,
      changes: [
        { path: 'name', change: 'changed', before: 'Diffed Card', after: 'Diffed Card Services' },
        { path: 'helpText.en', change: 'changed', before: document.helpText.en, after: 'Call 1-800-555-0100.' },
      ],
    });
    const back = await call(url, 'GET', '/campaigns/zz-diffed/versions/diff?from=2&to=1');
    expect(back.body.changes[0]).toEqual({ path: 'name', change: 'changed', before: 'Diffed Card Services', after: 'Diffed Card' });
    expect((await call(url, 'GET', '/campaigns/zz-diffed/versions/diff?from=1&to=1')).body.changes).toEqual([]);
  });

  it('when a diff names a version that does not exist, or no number, then it answers 404 or 400 naming the field', async () => {
    const missing = await call(url, 'GET', '/campaigns/list-a/versions/diff?from=1&to=9');
    expect(missing.status).toBe(404);
    expect(missing.body.details).toEqual([{ path: 'to', message: "is not a version of 'list-a'" }]);
    const unnumbered = await call(url, 'GET', '/campaigns/list-a/versions/diff?from=first&to=1');
    expect(unnumbered.status).toBe(400);
    expect(unnumbered.body.details).toEqual([{ path: 'from', message: 'must be a version number' }]);
    expect((await call(url, 'GET', '/campaigns/list-a/versions/diff?to=1')).body.details).toEqual([{ path: 'from', message: expect.any(String) }]);
  });

  it("when a campaign's id is asked of the surveys (or the reverse), or an id nobody applied, then it answers 404", async () => {
    expect((await call(url, 'GET', '/surveys/list-a/versions')).status).toBe(404);
    expect((await call(url, 'GET', '/campaigns/list-survey/broadcasts')).status).toBe(404);
    expect((await call(url, 'GET', '/campaigns/nobody/versions')).status).toBe(404);
    expect((await call(url, 'GET', '/surveys/list-survey/versions')).body).toMatchObject({ id: 'list-survey', latestVersion: 1, versions: [{ version: 1 }] });
  });

  it('when a campaign is paused, then its broadcasts show the pause reaching every running debtor, and the list shows it paused', async () => {
    for (const ref of ['L-1', 'L-2']) {
      const workflowId = `debtor/list-a/${ref}`;
      // A debtor takes a pause once it has loaded its campaign.
      await eventually(`${workflowId} to load its campaign`, async () => ((await stack.service.gateway.debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));
    }
    expect((await call(url, 'GET', '/campaigns/list-a/broadcasts')).body).toEqual({ id: 'list-a', paused: false, people: { total: 2, running: 2 }, broadcasts: {} });
    expect((await call(url, 'POST', '/campaigns/list-a/pause')).status).toBe(200);

    const progress = await eventually('the pause to reach everyone', async () => {
      const { body } = await call(url, 'GET', '/campaigns/list-a/broadcasts', undefined, auditor);
      return body.broadcasts.pause?.done ? body : undefined;
    });
    expect(progress).toEqual({
      id: 'list-a',
      paused: true,
      people: { total: 2, running: 2 },
      broadcasts: { pause: { workflowId: 'campaign/list-a/broadcast/pause', updated: 2, skipped: 0, done: true } },
    });
    expect((await call(url, 'GET', '/campaigns')).body.items).toContainEqual(expect.objectContaining({ id: 'list-a', paused: true }));
    await call(url, 'POST', '/campaigns/list-a/resume');
  });

  it('when /openapi.json is read, then the list routes sit beside the document routes of the same path', async () => {
    const { body } = await call(url, 'GET', '/openapi.json');
    expect(Object.keys(body.paths['/campaigns'])).toEqual(['put', 'get']);
    expect(Object.keys(body.paths['/surveys'])).toEqual(['put', 'get']);
    expect(body.paths['/surveys/{surveyId}/versions/diff'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['surveyId', 'from', 'to']);
  });
});
