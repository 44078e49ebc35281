import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { callWorkflowIdFor } from '../../workflows/call/place-call';
import type { RespondentView } from '../../workflows/respondent/respondent.messages';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceUntil, saveGoldenHistory } from '../support/debtor-fixtures';
import { beginRespondent, demoSurvey, readRespondent, storeDemoSurvey } from '../support/respondent-fixtures';

// Survey respondents on the phone, on the time-skipping server, through the real worker, FerretDB,
// the Twilio simulator (people who pick up and talk, or press keys) and the service's own voice
// webhooks. The survey invites by text first; these people leave the text unanswered and are
// called the next day, as the cadence says.

describe('a survey by voice', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  const survey = demoSurvey();
  const repositories = () => stack.service.mongo.repositories;
  const textsTo = (phone: string) => stack.simulator.store.listMessages({ to: phone }).filter((m) => m.from === serviceNumber).map((m) => m.body);
  const callsTo = (phone: string) => stack.simulator.store.listCalls().filter((c) => c.to === phone);
  const answersOf = (view: RespondentView) => Object.fromEntries(view.answers.filter((a) => a.part === 'answer').map((a) => [a.questionId, a.value]));

  const begin = (respondentRef: string, phone: string, persona: string, language = 'en') =>
    beginRespondent(stack, survey, { respondentRef, phone, persona }, { artificialVoiceConsent: true, language });
  const until = (workflowId: string, done: (view: RespondentView) => boolean, what: string) =>
    advanceUntil(env, stack, workflowId, done, { what, read: readRespondent, maxDays: 5 });

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('respondent-voice', { temporalAddress: env.address });
    await storeDemoSurvey(stack, survey);
  });
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  it('when a respondent answers every question on the phone in everyday words, then each answer is parsed, stored as said, and the survey completes in one call', async () => {
    const phone = '+12025550401';
    const workflowId = await begin('voice-complete-1', phone, 'survey-voice-complete');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    expect(answersOf(view)).toEqual({ recommend: 8, satisfaction: 5, resolved: true, 'contact-channel': 'app' });
    expect(view.answers.every((a) => a.channel === 'voice' && !a.confirmed)).toBe(true);
    expect(view.sessions.map((s) => s.channel)).toEqual(['sms', 'voice']);
    const calls = callsTo(phone);
    expect(calls).toHaveLength(1);
    const said = calls[0]!.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));
    expect(said).toContain('Pretty good, maybe an eight.');
    const stored = await repositories().surveyAnswers.ofSurvey(survey.id, [workflowId]);
    expect(stored.map((a) => [a.questionId, a.value, a.channel])).toEqual([
      ['recommend', 8, 'voice'],
      ['satisfaction', 5, 'voice'],
      ['resolved', true, 'voice'],
      ['contact-channel', 'app', 'voice'],
    ]);
    expect(stored[0]!.utterance).toBe('Pretty good, maybe an eight.');
    expect(stored[0]!.elapsedMs).toBeGreaterThan(0);
    await saveGoldenHistory(stack.service.gateway, workflowId, 'respondent-completes-by-voice');
    const callAttempt = view.attempts.find((a) => a.channel === 'voice')!;
    await saveGoldenHistory(stack.service.gateway, callWorkflowIdFor(workflowId, callAttempt.attemptKey), 'survey-call-completes');
  });

  it('when a Mandarin speaker takes the survey on the phone, then it is asked in Chinese, "八分吧" is an 8, "非常满意" the top of the scale, and a key press picks the choice', async () => {
    const phone = '+12025550402';
    const workflowId = await begin('voice-complete-zh-1', phone, 'survey-voice-complete-zh', 'zh-CN');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    expect(answersOf(view)).toEqual({ recommend: 8, satisfaction: 5, resolved: true, 'contact-channel': 'app' });
    expect(view.answers.every((a) => a.language === 'zh-CN')).toBe(true);
    const transcript = callsTo(phone)[0]!.transcript;
    const serviceSaid = transcript.flatMap((e) => (e.kind === 'service-said' ? [e.text] : []));
    expect(serviceSaid.some((t) => /推荐/.test(t))).toBe(true);
    expect(transcript.some((e) => e.kind === 'person-pressed' && e.digits === '3')).toBe(true);
  });

  it('when a respondent hangs up half-way, then the answers given are kept and the next contact resumes at the first unanswered question, by text, until done', async () => {
    const phone = '+12025550403';
    const workflowId = await begin('voice-dropout-1', phone, 'survey-voice-dropout');

    const afterCall = await until(workflowId, (v) => v.attempts.some((a) => a.channel === 'voice'), 'the call');
    expect(afterCall.outcome).toBeUndefined();
    expect(answersOf(afterCall)).toEqual({ recommend: 9 });
    expect(afterCall.status).toBe('in-progress');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    expect(answersOf(view)).toEqual({ recommend: 9, satisfaction: 4, resolved: true, 'contact-channel': 'phone' });
    expect(view.answers.map((a) => a.channel)).toEqual(['voice', 'sms', 'sms', 'sms']);
    // Resumed, not restarted: the question answered on the call is not asked again by text.
    const texts = textsTo(phone);
    expect(texts.filter((t) => /recommend/i.test(t))).toHaveLength(0);
    expect(texts.some((t) => /welcome back|pick up where/i.test(t) && /satisfied/i.test(t))).toBe(true);
    await saveGoldenHistory(stack.service.gateway, workflowId, 'respondent-hangs-up-then-finishes');
  });
  it('when a Mandarin speaker hangs up half-way, then the answer given is kept and the survey is finished by text in Chinese', async () => {
    const phone = '+12025550404';
    const workflowId = await begin('voice-dropout-zh-1', phone, 'survey-voice-dropout-zh', 'zh-CN');

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the end of the survey');

    expect(view.outcome).toBe('completed');
    expect(answersOf(view)).toEqual({ recommend: 9, satisfaction: 4, resolved: true, 'contact-channel': 'phone' });
    expect(view.answers.map((a) => a.channel)).toEqual(['voice', 'sms', 'sms', 'sms']);
    const texts = textsTo(phone);
    expect(texts.some((t) => /欢迎回来/.test(t) && /满意吗/.test(t))).toBe(true);
    expect(texts.filter((t) => /推荐/.test(t))).toHaveLength(0);
  });
  it('when a caller asks for a real person, then they are put through to the survey\'s agent number, who hears a summary first, and a follow-up task opens', async () => {
    const handOffSurvey = { ...survey, id: 'satisfaction-handoff', voice: { ...survey.voice, agentNumber: '+12125550199' } };
    await storeDemoSurvey(stack, handOffSurvey);
    const phone = '+12025550405';
    const workflowId = await beginRespondent(stack, handOffSurvey, { respondentRef: 'voice-person-1', phone, persona: 'survey-voice-wants-person' }, { artificialVoiceConsent: true });

    const view = await until(workflowId, (v) => v.outcome !== undefined, 'the hand-off');

    expect(view.outcome).toBe('handed-off');
    expect(view.followUp?.reason).toBe('asked-for-a-person');
    const transcript = callsTo(phone)[0]!.transcript;
    expect(transcript).toContainEqual(expect.objectContaining({ kind: 'dial', target: '+12125550199' }));
    const whisper = transcript.find((e) => e.kind === 'agent-heard');
    expect(whisper).toMatchObject({ text: expect.stringMatching(/Parley survey hand-off: Avery, Northwind support satisfaction\. Reason: asked for a person\. Answers: none yet/) });
  });
});
