import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { call, runCli } from '../support/api-calls';
import { serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceUntil, saveGoldenHistory, settledState } from '../support/debtor-fixtures';
import { beginRespondent, demoSurvey, readRespondent, storeDemoSurvey } from '../support/respondent-fixtures';
import type { RespondentView } from '../../workflows/respondent/respondent.messages';

// Survey respondents by text, on the time-skipping server, through the real worker, FerretDB, the
// Twilio simulator (people who text back) and the service's own webhooks.

describe('a survey by text', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  const survey = demoSurvey();
  const repositories = () => stack.service.mongo.repositories;
  const textsTo = (phone: string) => stack.simulator.store.listMessages({ to: phone }).filter((m) => m.from === serviceNumber).map((m) => m.body);

  const begin = (respondentRef: string, phone: string, persona: string) => beginRespondent(stack, survey, { respondentRef, phone, persona });

  const until = (workflowId: string, done: (view: RespondentView) => boolean, what: string) =>
    advanceUntil(env, stack, workflowId, done, { what, read: readRespondent, maxDays: 5 });

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('respondent-sms', { temporalAddress: env.address });
    await storeDemoSurvey(stack, survey);
  });
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  it('when a respondent answers every question in their own words by text, then each answer is stored parsed and the survey completes', async () => {
    const phone = '+12025550301';
    const workflowId = await begin('sms-complete-1', phone, 'survey-sms-complete');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    const answers = Object.fromEntries(view.answers.filter((a) => a.part === 'answer').map((a) => [a.questionId, a.value]));
    expect(answers).toEqual({ recommend: 8, satisfaction: 4, resolved: true, 'contact-channel': 'text' });
    const texts = textsTo(phone);
    expect(texts[0]).toMatch(/Hi Avery.*order A-1001.*Reply YES to start.*STOP/s);
    // One question per message, each asked once, then the closing.
    expect(texts.filter((t) => /recommend/i.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /\?/.test(t)).length).toBeGreaterThanOrEqual(5);
    expect(texts.at(-1)).toMatch(/Thank you for your time, Avery/);

    const stored = await repositories().surveyAnswers.ofSurvey(survey.id, [workflowId]);
    expect(stored.map((a) => [a.questionId, a.value])).toEqual([
      ['recommend', 8],
      ['satisfaction', 4],
      ['resolved', true],
      ['contact-channel', 'text'],
    ]);
    expect(stored.find((a) => a.questionId === 'recommend')?.utterance).toBe('pretty good, maybe an eight');
    const mirror = await repositories().respondents.byWorkflowId(workflowId);
    expect(mirror?.status).toBe('completed');
    expect(mirror?.consentedAt).toBeInstanceOf(Date);
    expect(mirror?.sessions.map((s) => s.channel)).toEqual(['sms']);

    // A text after the survey closed gets one answer saying so, and the next gets none.
    const before = textsTo(phone).length;
    await stack.simulator.people.sendSms(phone, 'One more thing: the agent was great.');
    await settledState(stack, workflowId, readRespondent);
    await stack.simulator.people.sendSms(phone, 'Hello?');
    await settledState(stack, workflowId, readRespondent);
    expect(textsTo(phone).slice(before)).toEqual([expect.stringMatching(/Northwind support satisfaction survey has closed and your answers are saved/)]);
    await saveGoldenHistory(stack.service.gateway, workflowId, 'respondent-completes-by-text');
  });

  it('when a respondent answers in Chinese by text, then the survey is asked in Chinese and "八分吧", "比较满意，4分", "发短信" are taken as said', async () => {
    const phone = '+12025550306';
    const workflowId = await beginRespondent(stack, survey, { respondentRef: 'sms-complete-zh-1', phone, persona: 'survey-sms-complete-zh' }, { language: 'zh-CN' });

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    const answers = view.answers.filter((a) => a.part === 'answer');
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({ recommend: 8, satisfaction: 4, resolved: true, 'contact-channel': 'text' });
    expect(answers.every((a) => a.language === 'zh-CN' && a.channel === 'sms')).toBe(true);
    const texts = textsTo(phone);
    expect(texts[0]).toMatch(/Avery您好.*回复“是”开始/s);
    expect(texts.some((t) => /推荐/.test(t))).toBe(true);
    expect(texts.at(-1)).toMatch(/感谢您抽出时间/);
  });

  describe('in Chinese', () => {
    const beginZh = (respondentRef: string, phone: string, persona: string) => beginRespondent(stack, survey, { respondentRef, phone, persona }, { language: 'zh-CN' });
    const answersOf = (view: RespondentView) => Object.fromEntries(view.answers.filter((a) => a.part === 'answer').map((a) => [a.questionId, a.value]));

    it('when a respondent hedges ("七八分吧", "三四分之间吧", "算是吧"), then each answer is confirmed in Chinese before it is taken', async () => {
      const phone = '+12025550311';
      const workflowId = await beginZh('sms-hedger-zh-1', phone, 'survey-sms-hedger-zh');

      const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

      expect(view.outcome).toBe('completed');
      expect(answersOf(view)).toEqual({ recommend: 8, satisfaction: 4, resolved: true, 'contact-channel': 'text' });
      const answers = view.answers.filter((a) => a.part === 'answer');
      expect(answers.filter((a) => a.confirmed).map((a) => a.questionId)).toEqual(['recommend', 'satisfaction', 'resolved']);
      expect(answers.find((a) => a.questionId === 'recommend')?.utterance).toBe('七八分吧 / 八分');
      expect(textsTo(phone).filter((t) => /^我确认一下/.test(t))).toHaveLength(3);
    });

    it('when a respondent declines ("不用了，谢谢"), then no question is asked', async () => {
      const phone = '+12025550312';
      const workflowId = await beginZh('sms-refuser-zh-1', phone, 'survey-sms-refuser-zh');

      const view = await until(workflowId, (v) => v.outcome !== undefined, 'the refusal');

      expect(view.outcome).toBe('declined');
      expect(view.answers).toEqual([]);
      expect(textsTo(phone).some((t) => /推荐/.test(t))).toBe(false);
    });

    it('when a respondent scores low and says why, then "还是没解决" is a no, the probes are kept and a person follows up', async () => {
      const phone = '+12025550313';
      const workflowId = await beginZh('sms-detractor-zh-1', phone, 'survey-sms-detractor-zh');

      const view = await until(workflowId, (v) => v.outcome === 'completed' && v.followUp !== undefined, 'a detractor follow-up');

      expect(answersOf(view)).toMatchObject({ recommend: 3, satisfaction: 2, resolved: false, 'contact-channel': 'phone' });
      expect(view.followUp?.reason).toMatch(/^detractor-/);
      const probes = view.answers.filter((a) => a.part === 'probe');
      expect(probes.map((a) => a.utterance)).toEqual(['等了半个小时，也没人回电话', '退款还没到账']);
      const task = await stack.service.mongo.models.humanTasks.findOne({ taskId: view.followUp!.taskId }).lean();
      expect(task?.summary).toMatch(/recommend=3/);
    });

    it('when a respondent texts 退订, then they are opted out and told so in Chinese, once', async () => {
      const phone = '+12025550314';
      const workflowId = await beginZh('sms-stopper-zh-1', phone, 'survey-sms-stopper-zh');

      const view = await until(workflowId, (v) => v.outcome !== undefined, 'the opt-out');

      expect(view.outcome).toBe('opted-out');
      const texts = textsTo(phone);
      expect(texts[0]).toMatch(/回复“是”开始/);
      expect(texts.slice(1)).toEqual([expect.stringMatching(/您已退订/)]);
    });
  });

  it('when a respondent scores low and says why, then the probe answer is kept and a person follows up before the workflow ends', async () => {
    const phone = '+12025550302';
    const workflowId = await begin('sms-detractor-1', phone, 'survey-sms-detractor');

    const view = await until(workflowId, (v) => v.outcome === 'completed' && v.followUp !== undefined, 'a detractor follow-up');

    expect(view.followUp?.reason).toMatch(/^detractor-/);
    const probes = view.answers.filter((a) => a.part === 'probe');
    expect(probes.map((a) => a.questionId)).toContain('recommend');
    const task = await stack.service.mongo.models.humanTasks.findOne({ taskId: view.followUp!.taskId }).lean();
    expect(task?.status).toBe('open');
    expect(task?.summary).toMatch(/recommend=3/);
    expect(task?.transcript?.some((turn) => /waited half an hour/.test(turn.heard ?? ''))).toBe(true);

    const url = stack.service.httpUrl!;
    const respondentPath = `/surveys/${survey.id}/respondents/sms-detractor-1`;
    const shown = await call(url, 'GET', respondentPath);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ status: 'completed', followUp: { taskId: view.followUp!.taskId } });
    expect((await call(url, 'GET', `/surveys/${survey.id}/respondents/nobody-here`)).status).toBe(404);
    const resolution = (taskId: string) => `${respondentPath}/follow-ups/${encodeURIComponent(taskId)}/resolution`;
    const blank = await call(url, 'POST', resolution(view.followUp!.taskId), { notes: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ path: 'notes' })]);
    const wrongTask = await call(url, 'POST', resolution('another-task'), { notes: 'Called back.' });
    expect(wrongTask.status).toBe(422);
    expect(wrongTask.body.message).toMatch(/taskId: the open task is/);
    const resolved200 = await call(url, 'POST', resolution(view.followUp!.taskId), { notes: 'Called back; refund issued.' });
    expect(resolved200.status).toBe(200);
    const result = await stack.service.gateway.client.workflow.getHandle(workflowId).result();
    expect(result.followUp).toBeUndefined();
    const resolved = await stack.service.mongo.models.humanTasks.findOne({ taskId: view.followUp!.taskId }).lean();
    expect(resolved?.status).toBe('resolved');
    await saveGoldenHistory(stack.service.gateway, workflowId, 'respondent-detractor-followed-up');
  });

  it('when a respondent answers in hedges, then each answer is confirmed before it is taken, never guessed', async () => {
    const phone = '+12025550304';
    const workflowId = await begin('sms-hedger-1', phone, 'survey-sms-hedger');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    const answers = view.answers.filter((a) => a.part === 'answer');
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({ recommend: 8, satisfaction: 4, resolved: true, 'contact-channel': 'text' });
    // Each hedge ("seven or eight", "between 3 and 4", "kind of") was confirmed by the respondent.
    expect(answers.filter((a) => a.confirmed).map((a) => a.questionId)).toEqual(['recommend', 'satisfaction', 'resolved']);
    expect(answers.find((a) => a.questionId === 'recommend')?.utterance).toBe('hmm, seven or eight / eight');
    expect(answers.find((a) => a.questionId === 'resolved')?.utterance).toBe('kind of, I guess / yes');
    expect(textsTo(phone).filter((t) => /^Just to check/.test(t))).toHaveLength(3);
  });

  it('when a respondent declines the invitation, then no question is asked and they are counted as declined', async () => {
    const phone = '+12025550305';
    const workflowId = await begin('sms-refuser-1', phone, 'survey-sms-refuser');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the refusal');

    expect(view.outcome).toBe('declined');
    expect(view.consentedAt).toBeUndefined();
    expect(view.answers).toEqual([]);
    expect(textsTo(phone).some((t) => /recommend/.test(t))).toBe(false);
  });

  it('when a respondent texts STOP to the invitation, then they are opted out and sent nothing more', async () => {
    const phone = '+12025550303';
    const workflowId = await begin('sms-stopper-1', phone, 'survey-sms-stopper');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the opt-out');

    expect(view.outcome).toBe('opted-out');
    const texts = textsTo(phone);
    expect(texts[0]).toMatch(/Reply YES to start/);
    expect(texts.slice(1).every((t) => /unsubscribed/.test(t))).toBe(true);
    const settled = await settledState(stack, workflowId, readRespondent);
    expect(settled.answers).toEqual([]);
  });
  it('when a survey is paused, changed and resumed over HTTP, then its running respondents pause, take the new version and go on', async () => {
    const other = { ...survey, id: 'satisfaction-broadcast' };
    await storeDemoSurvey(stack, other);
    const url = stack.service.httpUrl!;
    const workflowId = await beginRespondent(stack, other, { respondentRef: 'broadcast-1', phone: '+12025550307', persona: 'never-answers' });
    await until(workflowId, (v) => v.attempts.length >= 1, 'the invitation');

    const paused = await call(url, 'POST', `/surveys/${other.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ surveyId: other.id, paused: true, respondents: { updated: 1, skipped: 0 }, broadcast: { done: true } });
    expect((await settledState(stack, workflowId, readRespondent)).status).toBe('paused');
    expect((await call(url, 'POST', `/surveys/${other.id}/respondents`, { type: 'text/csv', content: 'respondent_ref,phone\nlate-1,+12025550308\n' })).status).toBe(409);

    const applied = await call(url, 'PUT', '/surveys', { ...other, reminderAfter: 'PT2H' });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ surveyId: other.id, version: 2, created: true, respondents: { updated: 1, skipped: 0 } });

    const resumed = await call(url, 'POST', `/surveys/${other.id}/resume`);
    expect(resumed.body).toMatchObject({ paused: false, respondents: { updated: 1, skipped: 0 } });
    const view = await settledState(stack, workflowId, readRespondent);
    expect(view.status).not.toBe('paused');
    expect(view.campaignVersion).toBe(2);

    const file = path.join(os.tmpdir(), `parley-${other.id}-v3.json`);
    writeFileSync(file, JSON.stringify({ ...other, reminderAfter: 'PT3H' }));
    const cli = await runCli(['survey', 'apply', file], { PARLEY_API_URL: url });
    expect(cli).toMatchObject({ code: 0, stdout: `survey ${other.id}: version 3 saved; 1 running respondent told\n` });
    rmSync(file);

    expect((await call(url, 'POST', '/surveys/no-such-survey/pause')).status).toBe(404);
  });
});
