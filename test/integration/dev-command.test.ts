import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/child-process';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { openConsole } from '../support/console-browser';
import { peopleIn, scanHistories, scanLog, scanMongo, scanRawHistories } from '../support/pii-scan';

// The README's first command, `npm start` (= `parley dev` after setup): its own Temporal dev server,
// FerretDB and Twilio simulator on free ports and a scratch data directory, then the demo as a user
// sees it (simulated people at a tenth of real time; the first calls a minute after the start), and
// the survey demo beside it.

const OUTCOME_TIMEOUT_MS = 150_000;

describe('parley dev (what npm start runs)', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-dev-'));
  let output = '';
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    // A failed run leaves nothing behind: the whole process group (servers included) goes.
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const devSecrets = () => JSON.parse(readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8')) as { adminApiKey: string; payloadKeys: string };

  function waitFor(what: string, pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          clearInterval(timer);
          resolve();
        } else if (Date.now() > deadline) {
          clearInterval(timer);
          reject(new Error(`no ${what} in ${timeoutMs} ms; output so far:\n${output}`));
        }
      };
      const deadline = Date.now() + timeoutMs;
      const timer = setInterval(check, 250);
      check();
    });
  }

  it('when it starts, then the demo runs calls to each outcome, and Ctrl-C stops everything cleanly', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      DATA_DIR: dataDir,
      HTTP_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      FERRETDB_PORT: String(await freePort()),
      DEV_SIMULATOR_PORT: String(await freePort()),
    };
    // A process group of its own, as a terminal gives a command: Ctrl-C reaches every process in it.
    child = spawn(path.resolve(__dirname, '../../bin/parley'), ['dev'], { cwd: dataDir, env, detached: true });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await waitFor('start banner', /Parley is running/, 90_000);
    await waitFor('demo import', /Demo: campaign demo-minutes v1 applied; 15 debtors started/, 60_000);
    // The API wants a key from the start; the one `parley dev` made is where the banner says, and the CLI uses it.
    const { adminApiKey } = devSecrets();
    const api = `http://127.0.0.1:${env.HTTP_PORT}`;
    expect(output).toContain(`Console               ${api}/console`);
    expect(output).toContain(`Admin API key         ${adminApiKey}\n`);
    expect(output).toContain(`kept as "adminApiKey" in ${path.join(dataDir, 'dev-secrets.json')}`);
    expect((await fetch(`${api}/campaigns/demo-minutes`)).status).toBe(401);
    expect((await fetch(`${api}/campaigns/demo-minutes`, { headers: { authorization: `Bearer ${adminApiKey}` } })).status).toBe(200);
    const shown = await runCli(['debtor', 'show', 'demo-minutes', 'demo-001'], { PARLEY_API_URL: api, DATA_DIR: dataDir });
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    // The printed Temporal Web UI link is served by the API, whose codec it decodes through once signed in.
    expect(output).toContain(`Temporal Web UI       ${api}/temporal-ui/namespaces/default/workflows`);
    expect(output).toContain(`${api}/codec/sign-in?next=%2Ftemporal-ui%2Fnamespaces%2Fdefault%2Fworkflows`);
    const uiSettings = (await (await fetch(`${api}/temporal-ui/api/v1/settings`)).json()) as { Codec: { Endpoint: string } };
    expect(uiSettings.Codec.Endpoint).toBe(`${api}/codec`);
    // Someone following the demo in the console, signed in with the printed key, on the Live page.
    browser = await launchChromium();
    const live = await openConsole(browser, api, adminApiKey);
    const callerLine = live.getByRole('list', { name: /^Transcript/ }).getByRole('listitem').filter({ hasText: /^Caller:/ }).first();
    const heardLive = callerLine.waitFor({ timeout: OUTCOME_TIMEOUT_MS * 2 });
    const outcomes = [
      /\(voicemail\)\s+OUTCOME answering machine: limited-content voicemail left/,
      /\(wrong-number\)\s+OUTCOME wrong person/,
      /\(busy-line\)\s+OUTCOME busy/,
      /\(never-answers\)\s+OUTCOME no-answer/,
      /\(angry-debtor\)\s+OUTCOME .*opted out of calls/,
      /\(promiser\)\s+OUTCOME right party verified; promise \$200\.00/,
      /\(instalment-seeker\)\s+OUTCOME right party verified; plan of \d+ instalments/,
      /\(mandarin-debtor\)\s+OUTCOME right party verified; plan of \d+ instalments/,
      /\(pays-on-the-call\)\s+OUTCOME right party verified; PAID \$240\.00 during the call/,
      /\(disputer\)\s+OUTCOME right party verified; dispute; escalated \(dispute\) to agent-number \+12125550143, agent answered/,
      /\(card-reader\)\s+OUTCOME right party verified/,
    ];
    for (const outcome of outcomes) await waitFor(`call outcome ${outcome.source}`, outcome, OUTCOME_TIMEOUT_MS);
    await expectGreetingExperiment(api, adminApiKey, dataDir, output);
    await heardLive;
    await takeDemoHandOff(live);
    // The survey beside it: answers in their own words by text and on the phone, in English and
    // Chinese, a call left half-way and finished by text, then the results.
    await waitFor('the survey results', /Survey satisfaction-minutes: every respondent has finished/, 300_000);
    expect(output).toMatch(/\(survey-sms-complete\)\s+ANSWER recommend = 8 {2}\("pretty good, maybe an eight"\)/);
    expect(output).toMatch(/\(survey-sms-complete-zh\)\s+ANSWER recommend = 8 {2}\("八分吧"\)/);
    expect(output).toMatch(/\(survey-sms-stopper\)\s+STATUS {2}opted-out/);
    expect(output).toMatch(/\(survey-voice-complete\)\s+person: "Pretty good, maybe an eight\."/);
    expect(output).toMatch(/\(survey-voice-complete\)\s+ANSWER recommend = 8 {2}\("Pretty good, maybe an eight\."\)/);
    expect(output).toMatch(/\(survey-voice-complete-zh\)\s+person pressed 3/);
    expect(output).toMatch(/\(survey-voice-complete-zh\)\s+ANSWER contact-channel = "app"/);
    expect(output).toMatch(/\(survey-voice-dropout\)\s+ANSWER recommend = 9 {2}\("Nine\."\)/);
    expect(output).toMatch(/\(survey-voice-dropout\)\s+ANSWER satisfaction = 4 {2}\("4"\)/);
    expect(output).toMatch(/invited 7 · response rate 86% \(6 started\) · completion rate 100% \(6 finished\) · NPS 0/);
    expect(output).toMatch(/\(disputer\)\s+whisper to \+12125550143: "Parley hand-off: Taylor Brooks, identity verified\. Reason: dispute\./);
    // The terminal tells the demo's story; the service's own lines went to its log file.
    expect(output).not.toMatch(/"msg":"request completed"/);

    // What people gave away (a card read out on a call, an SSN texted) reached the service, and
    // nothing of it is kept in the clear: not in any collection, the service log or any history.
    expect(output).toMatch(/\(card-reader\)\s+person: "I'd like to pay it all now\. My card is four one one one/);
    expect(output).toMatch(/\(ssn-texter\)\s+SMS → {2}"This is not my debt\. My social is 078 05 1120/);
    const planted = ['4111111111111111', '078051120'];
    const mongoUri = /MongoDB \(FerretDB\)\s+(mongodb:\/\/\S+)/.exec(output)![1]!;
    const [temporalAddress, namespace] = [/Temporal dev server\s+(\S+)/.exec(output)![1]!, /in namespace "([^"]+)"/.exec(output)![1]!];
    const findings = [
      ...(await scanMongo(mongoUri, planted)),
      ...scanLog(path.join(dataDir, 'logs', 'parley.log'), planted),
      // Decoded with the dev payload keys: what the service itself wrote, before the codec encrypted it.
      ...(await scanHistories(temporalAddress, namespace, planted, devSecrets().payloadKeys)),
    ];
    expect(findings).toEqual([]);

    // Read as the Temporal server keeps it, without the codec: no payload in clear, and no demo
    // person's name or number anywhere in any history.
    const people = await peopleIn(mongoUri);
    expect(people.length).toBeGreaterThan(20);
    // The decoded scan reads what the workflows were given: a person's number is there.
    const aNumber = people.find((text) => /^\d{11}$/.test(text))!;
    expect(await scanHistories(temporalAddress, namespace, [aNumber], devSecrets().payloadKeys)).toContainEqual(expect.objectContaining({ kind: 'planted' }));
    expect(await scanRawHistories(temporalAddress, namespace, people)).toEqual([]);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    // Nothing it started is left running: its servers were in the same process group.
    expect(() => process.kill(-child!.pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 540_000);
});

/** The distressed debtor (Pat Kim, demo-012) waits for a person from the start: claim the task, let contact go on, then read the dashboards. */
async function takeDemoHandOff(page: Page): Promise<void> {
  await page.getByRole('link', { name: "Agents' queue" }).click();
  const task = page.getByRole('article').filter({ hasText: 'Account demo-012 ' });
  await task.getByRole('button', { name: 'Claim' }).click();
  await task.getByLabel('Outcome').selectOption('resume-contact');
  await task.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => task.count()).toBe(0);

  await page.getByRole('link', { name: 'Dashboards' }).click();
  await page.getByRole('table', { name: 'KPIs per campaign' }).getByRole('row', { name: /^demo-minutes / }).waitFor();
}

/** The demo's two-arm greeting experiment: both greetings were heard, and the results read from the API and the CLI. */
async function expectGreetingExperiment(api: string, adminApiKey: string, dataDir: string, output: string): Promise<void> {
  expect(output).toMatch(/agent: {2}"Hello, this is Sam Taylor calling\. May I please speak with /);
  expect(output).toMatch(/agent: {2}"Hi, it's Sam Taylor\. Is this \w+\? I'm looking for /);
  const response = await fetch(`${api}/campaigns/demo-minutes/experiments`, { headers: { authorization: `Bearer ${adminApiKey}` } });
  const { experiments } = (await response.json()) as { experiments: Array<{ id: string; arms: Array<{ id: string; people: number }>; metrics: Array<{ metric: string; comparisons: Array<{ verdict: string; explanation: string }> }> }> };
  expect(experiments.map((e) => e.id)).toEqual(['greeting-wording']);
  expect(experiments[0]!.arms.map((arm) => arm.id)).toEqual(['standard', 'warm']);
  expect(experiments[0]!.arms.reduce((sum, arm) => sum + arm.people, 0)).toBe(15);
  const rpc = experiments[0]!.metrics.find((m) => m.metric === 'right-party-contact-rate')!;
  // Fifteen people are too few for any verdict, and the results say so rather than guess.
  expect(rpc.comparisons[0]).toMatchObject({ verdict: 'not-enough-data', explanation: expect.stringMatching(/^Not enough data yet/) });
  const shown = await runCli(['experiment', 'show', 'demo-minutes'], { PARLEY_API_URL: api, DATA_DIR: dataDir });
  expect(shown).toMatchObject({ code: 0, stderr: '' });
  expect(shown.stdout).toMatch(/^standard +1 +\d+ +0 +running$/m);
  expect(shown.stdout).toMatch(/^right-party contact rate +\d+% \[\d+%–\d+%\] \d+\/\d+ +\d+% \[/m);
  expect(shown.stdout).toMatch(/right-party contact rate, warm vs standard: not enough data — Not enough data yet/);
}
