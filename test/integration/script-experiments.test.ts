import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, csv, demoSurveyYaml, runCli, yaml } from '../support/api-calls';
import { daytimeZone, serviceSaid } from '../support/call-fixtures';
import type { PersonaInput } from '../../src/simulator';
import type { CampaignExperiments, MetricReport } from '../../src/experiments/experiment-report';

// A greeting experiment run end to end (API import, worker, FerretDB, the Twilio simulator and the
// voice webhooks): simulated people whose willingness to talk depends on the greeting they hear, and
// people for whom it makes no difference. The statistics must find the first difference and must
// not find one in the second; stopping an arm moves its people, on the record.

const voiceCampaign = readFileSync(path.resolve(__dirname, '../fixtures/campaigns/voice-test.yaml'), 'utf8');
const WARM = "Hi there, it's {{agentName}}. Is this {{fullName}}?";

function campaignYaml(id: string): string {
  const experiment = [
    'experiments:',
    '  - id: greeting-wording',
    '    arms:',
    '      - id: standard',
    '      - id: warm',
    '        greeting:',
    `          en: "${WARM}"`,
    '          zh-CN: "您好，我是{{agentName}}。请问是{{fullName}}吗？"',
  ].join('\n');
  return `${voiceCampaign.replace(/^id: .*$/m, `id: ${id}`)}\n${experiment}\n`;
}

/** Talks only after the warm greeting: confirms their name and year of birth, then hangs up. */
const greetingSensitive: PersonaInput = {
  description: 'Stays on the line for a warm greeting, hangs up on the standard one.',
  answers: 'person',
  ringSeconds: 1,
  identity: { name: 'Alex Doe', yearOfBirth: 1980 },
  conversation: {
    thinkSeconds: 0,
    hangUpAfterTurns: 2,
    rules: [
      { match: 'year of birth', reply: '{{yearOfBirth}}' },
      { match: 'hi there', reply: 'Yes, this is {{name}}.' },
      { match: 'may i (please )?speak with', reply: { say: 'Not interested.', hangUp: true } },
    ],
  },
};

/** Whatever the greeting: `talks` people confirm who they are; the others hang up at once. */
const indifferent = (talks: boolean): PersonaInput => ({
  ...greetingSensitive,
  description: talks ? 'Talks whatever the greeting.' : 'Hangs up whatever the greeting.',
  conversation: {
    thinkSeconds: 0,
    hangUpAfterTurns: 2,
    rules: [
      { match: 'year of birth', reply: '{{yearOfBirth}}' },
      { match: 'hi there|may i (please )?speak with', reply: talks ? 'Yes, this is {{name}}.' : { say: 'Not now.', hangUp: true } },
    ],
  },
});


describe('script experiments', () => {
  let stack: CollectionsStack;
  let api: string;
  beforeAll(async () => {
    stack = await startCollectionsStack('experiments');
    api = stack.service.httpUrl!;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * Imports `people` debtors of a new campaign, each called at once, and waits for every call's
   * outcome. Arms are drawn by hash, so the counts are enough for the z-test's conditions in each arm.
   */
  async function runExperiment(campaignId: string, people: number, firstPhone: number, persona: (index: number) => PersonaInput): Promise<CampaignExperiments> {
    expect((await call(api, 'PUT', '/campaigns', yaml(campaignYaml(campaignId)))).status).toBe(201);
    const zone = daytimeZone();
    const rows = Array.from({ length: people }, (_, i) => {
      const phone = `+1202556${String(firstPhone + i).padStart(4, '0')}`;
      stack.simulator.people.assign(phone, persona(i));
      return `${campaignId.toUpperCase()}-${i},Alex Doe,${phone},${zone},120.00,2026-11-01,1980,yes`;
    });
    const imported = await call(api, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(['accountRef,fullName,phone,timeZone,amountDue,dueDate,birthYear,artificialVoiceConsent', ...rows].join('\n')));
    expect(imported.body).toMatchObject({ started: people });
    const { auditEvents } = stack.service.mongo.models;
    await eventually('every call ended', async () => ((await auditEvents.countDocuments({ campaignId, type: 'call-outcome' })) >= people ? true : undefined), 180_000);
    const results = await call(api, 'GET', `/campaigns/${campaignId}/experiments`);
    expect(results.status).toBe(200);
    return results.body as CampaignExperiments;
  }

  const metric = (results: CampaignExperiments, id: string): MetricReport => results.experiments[0]!.metrics.find((m) => m.metric === id)!;

  it('When the standard greeting loses people the warm one keeps, then the right-party contact rate differs significantly, with intervals that say so', async () => {
    const results = await runExperiment('exp-large', 48, 0, () => greetingSensitive);

    const [experiment] = results.experiments;
    expect(experiment!.arms.map((arm) => arm.id)).toEqual(['standard', 'warm']);
    expect(experiment!.arms.reduce((sum, arm) => sum + arm.people, 0)).toBe(48);
    const rpc = metric(results, 'right-party-contact-rate');
    const [standard, warm] = rpc.arms;
    expect(standard!.successes).toBe(0);
    expect(warm!.successes).toBe(warm!.n);
    expect(warm!.estimate.low).toBeGreaterThan(standard!.estimate.high);
    expect(rpc.comparisons[0]).toMatchObject({ arm: 'warm', against: 'standard', test: 'two-proportion z-test', verdict: 'significant' });
    expect(rpc.comparisons[0]!.pValue).toBeLessThan(0.001);
    expect(rpc.comparisons[0]!.explanation).toMatch(/warm/);
    // Nobody promised or paid: money has nothing to test yet, and says so.
    expect(metric(results, 'collected-per-account').comparisons[0]).toMatchObject({ verdict: 'not-enough-data', pValue: null });

    // Each person heard their own arm's greeting, and the assignment is on their audit record.
    const { auditEvents } = stack.service.mongo.models;
    const assigned = await auditEvents.find({ campaignId: 'exp-large', type: 'experiment-assigned' }).lean();
    expect(assigned).toHaveLength(48);
    const firstWords = async (arm: string) => {
      const person = assigned.find((entry) => (entry.data as { armId: string }).armId === arm)!;
      const { phone } = (await stack.service.mongo.models.debtors.findOne({ workflowId: person.workflowId }).lean())!;
      return serviceSaid(stack.simulator.store.listCalls({ to: phone })[0]!.transcript)[0];
    };
    expect(await firstWords('warm')).toBe("Hi there, it's Sam Taylor. Is this Alex Doe?");
    expect(await firstWords('standard')).toBe('Hello, this is Sam Taylor calling. May I please speak with Alex Doe?');
  });

  it('When the greeting makes no difference to anyone, then the statistics report no significant difference', async () => {
    const results = await runExperiment('exp-none', 36, 100, (i) => indifferent(i % 2 === 0));

    const rpc = metric(results, 'right-party-contact-rate');
    expect(rpc.arms.map((arm) => arm.n).every((n) => n >= 10)).toBe(true);
    expect(rpc.comparisons[0]).toMatchObject({ verdict: 'not-significant' });
    expect(rpc.comparisons[0]!.pValue).toBeGreaterThan(0.05);
    expect(rpc.comparisons[0]!.difference.low).toBeLessThan(0);
    expect(rpc.comparisons[0]!.difference.high).toBeGreaterThan(0);
  });

  it('When an arm is stopped, then its people move to the running arm at their next pass, the move is audited, and they still count in their first arm', async () => {
    const stopped = await call(api, 'POST', '/campaigns/exp-large/experiments/greeting-wording/arms/standard/stop');
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ version: 2, created: true });
    expect((await call(api, 'POST', '/campaigns/exp-large/experiments/greeting-wording/arms/standard/stop')).status).toBe(409);

    const before = await call(api, 'GET', '/campaigns/exp-large/experiments');
    const standardPeople = (before.body as CampaignExperiments).experiments[0]!.arms.find((arm) => arm.id === 'standard')!.people;
    const { auditEvents } = stack.service.mongo.models;
    const moves = await eventually('every standard person moved', async () => {
      const found = await auditEvents.find({ campaignId: 'exp-large', type: 'experiment-arm-moved' }).lean();
      return found.length >= standardPeople ? found : undefined;
    }, 60_000);
    expect(moves.map((entry) => entry.data)).toEqual(Array(standardPeople).fill(expect.objectContaining({ from: 'standard', armId: 'warm', reason: 'arm-stopped', campaignVersion: 2 })));

    const after = (await call(api, 'GET', '/campaigns/exp-large/experiments')).body as CampaignExperiments;
    expect(after.experiments[0]!.arms.find((arm) => arm.id === 'standard')).toMatchObject({ stopped: true, people: standardPeople, movedOut: standardPeople });

    // The last running arm cannot be stopped: the refusal names the path, and no version is saved.
    const last = await call(api, 'POST', '/campaigns/exp-large/experiments/greeting-wording/arms/warm/stop');
    expect(last.status).toBe(422);
    expect(last.body.details).toEqual([{ path: 'experiments.0.arms', message: expect.stringMatching(/every arm stopped/) }]);
    expect((await call(api, 'GET', '/campaigns/exp-large')).body).toMatchObject({ version: 2 });
    expect((await call(api, 'POST', '/campaigns/exp-large/experiments/no-such/arms/warm/stop')).status).toBe(404);
  });

  it('When the CLI shows the experiment, then it prints each arm, the intervals and the verdict in words', async () => {
    const shown = await runCli(['experiment', 'show', 'exp-large'], { PARLEY_API_URL: api });
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/experiment greeting-wording/);
    expect(shown.stdout).toMatch(/^standard\s+1\s+\d+\s+\d+\s+stopped$/m);
    expect(shown.stdout).toMatch(/right-party contact rate\s+0% \[0%–\d+%\] 0\/\d+\s+100% \[\d+%–100%\] (\d+)\/\1/);
    expect(shown.stdout).toMatch(/right-party contact rate, warm vs standard: significant — /);

    const missing = await runCli(['experiment', 'show', 'no-such-campaign'], { PARLEY_API_URL: api });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-campaign/);
  });

  it("When a survey's invitation is worded two ways, then each respondent gets their arm's text, and the survey's results compare response and completion per arm", async () => {
    const surveyId = 'exp-survey';
    const shortInvitation = 'Hi {{firstName}}, one minute for Northwind? Reply YES to start.';
    const experiment = ['experiments:', '  - id: invitation-wording', '    arms:', '      - id: standard', '      - id: short', '        templates:', '          invitation:',
      `            en: "${shortInvitation}"`, '            zh-CN: "{{firstName}}您好，给 Northwind 一分钟？回复“是”开始。"'].join('\n');
    expect((await call(api, 'PUT', '/surveys', yaml(`${demoSurveyYaml(surveyId)}\n${experiment}\n`))).status).toBe(201);
    // Only the short invitation gets an answer; then every question is answered.
    const answersShortOnly: PersonaInput = {
      description: 'Answers the short invitation only, then every question.',
      answers: 'nobody',
      identity: { name: 'Avery Chen' },
      conversation: {
        rules: [
          { match: 'one minute for northwind', reply: 'yes sure' },
          { match: 'recommend', reply: '8' },
          { match: 'how satisfied', reply: '4' },
          { match: 'problem solved', reply: 'yes' },
          { match: 'prefer to reach', reply: 'text' },
          { match: 'just to check', reply: 'yes' },
        ],
      },
      sms: { on: 'converse', afterSeconds: 0 },
    };
    const zone = daytimeZone();
    const rows = Array.from({ length: 12 }, (_, i) => {
      const phone = `+1202557${String(i).padStart(4, '0')}`;
      stack.simulator.people.assign(phone, answersShortOnly);
      return `S-${i},${phone},${zone},en,Avery`;
    });
    const imported = await call(api, 'POST', `/surveys/${surveyId}/respondents`, csv(['respondent_ref,phone,time_zone,language,first_name', ...rows].join('\n')));
    expect(imported.body).toMatchObject({ started: 12 });

    const { auditEvents } = stack.service.mongo.models;
    const assigned = await eventually('every respondent placed', async () => {
      const found = await auditEvents.find({ campaignId: surveyId, type: 'experiment-assigned' }).lean();
      return found.length === 12 ? found : undefined;
    });
    const shortPeople = assigned.filter((entry) => (entry.data as { armId: string }).armId === 'short').length;
    await eventually('the short arm finished', async () => ((await auditEvents.countDocuments({ campaignId: surveyId, type: 'survey-completed' })) >= shortPeople ? true : undefined), 120_000);
    const invitations = stack.simulator.store.listMessages({}).filter((m) => m.to.startsWith('+1202557')).map((m) => m.body);
    expect(invitations.filter((body) => body.includes('one minute for Northwind?'))).toHaveLength(shortPeople);
    expect(invitations.filter((body) => body.includes('Could you answer 5 quick questions?'))).toHaveLength(12 - shortPeople);

    const results = (await call(api, 'GET', `/surveys/${surveyId}/experiments`)).body as CampaignExperiments;
    expect(results).toMatchObject({ kind: 'survey', campaignId: surveyId });
    expect(results.experiments[0]!.metrics.map((m) => m.metric)).toEqual(['response-rate', 'completion-rate', 'drop-off-rate']);
    const response = metric(results, 'response-rate');
    expect(response.arms).toEqual([
      expect.objectContaining({ arm: 'standard', n: 12 - shortPeople, successes: 0 }),
      expect.objectContaining({ arm: 'short', n: shortPeople, successes: shortPeople }),
    ]);
    expect(metric(results, 'completion-rate').arms[1]).toMatchObject({ n: shortPeople, successes: shortPeople });

    const shown = await runCli(['experiment', 'show', surveyId], { PARLEY_API_URL: api });
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(new RegExp(`^survey ${surveyId} v1`));
    expect(shown.stdout).toMatch(/^response rate +0% \[0%–\d+%\] 0\/\d+ +100% \[/m);
    const stopped = await runCli(['experiment', 'stop', surveyId, 'invitation-wording', 'standard'], { PARLEY_API_URL: api });
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    expect(stopped.stdout).toMatch(new RegExp(`^arm standard of invitation-wording stopped: survey ${surveyId} version 2 saved`));
  });
});
