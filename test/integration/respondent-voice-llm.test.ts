import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { callWorkflowIdFor } from '../../workflows/call/place-call';
import type { RespondentView } from '../../workflows/respondent/respondent.messages';
import type { SurveyCallResult } from '../../workflows/survey-call/survey-call.messages';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceUntil } from '../support/debtor-fixtures';
import { beginRespondent, demoSurvey, readRespondent, storeDemoSurvey } from '../support/respondent-fixtures';
import { startScriptedOpenAiServer, type ChatRequest, type ScriptedAnswer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';

// A survey call with an LLM configured (a scripted OpenAI-compatible endpoint that checks every
// request): each answer to a question is read by the LLM first, its structured reading checked
// against the question, and the rules read the answer when the reading is refused or late.

const MODEL = 'survey-reader-test';
const LLM_TIMEOUT_MS = 1500;

/** The reading the scripted model gives, by the question in the prompt. */
function reading(request: ChatRequest): ScriptedAnswer {
  const prompt = request.messages[0]?.content ?? '';
  if (/recommend/.test(prompt)) return { content: { kind: 'answer', values: [10], confidence: 0.9 } };
  // Off the 1-5 scale: refused by the check, so the rules read "very satisfied".
  if (/How satisfied/.test(prompt)) return { content: { kind: 'answer', values: [9], confidence: 0.95 } };
  // Unsure: a reading to confirm, never a guess.
  if (/problem solved/.test(prompt)) return { content: { kind: 'answer', values: [true], confidence: 0.5 } };
  // Later than the client waits: the rules answer this turn.
  return { content: { kind: 'answer', values: ['app'], confidence: 0.9 }, delayMs: LLM_TIMEOUT_MS * 2 };
}

describe('a survey by voice with an LLM reading the answers', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  let llm: ScriptedOpenAiServer;
  const survey = demoSurvey();

  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({ model: MODEL, script: reading });
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('respondent-voice-llm', {
      temporalAddress: env.address,
      env: { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, OPENAI_MODEL: MODEL, OPENAI_TIMEOUT_MS: String(LLM_TIMEOUT_MS), CALL_TURN_WAIT_MS: '4000' },
    });
    await storeDemoSurvey(stack, survey);
  });
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
    await llm?.close();
  });

  it('when the LLM reads "top marks" as 10, gives an off-scale value, is unsure, and is late, then its checked readings are used and the rules read the rest', async () => {
    const phone = '+12025550501';
    llm.forbid(phone, phone.slice(2));
    const workflowId = await beginRespondent(stack, survey, { respondentRef: 'voice-llm-1', phone, persona: 'survey-voice-llm' }, { artificialVoiceConsent: true });

    const view = await advanceUntil<RespondentView>(env, stack, workflowId, (v) => v.outcome !== undefined, { what: 'the end of the survey', read: readRespondent, maxDays: 5 });

    expect(view.outcome).toBe('completed');
    const answers = view.answers.filter((a) => a.part === 'answer');
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({ recommend: 10, satisfaction: 5, resolved: true, 'contact-channel': 'app' });
    expect(answers.find((a) => a.questionId === 'recommend')?.utterance).toBe("I'd give you top marks.");
    expect(answers.find((a) => a.questionId === 'resolved')?.confirmed).toBe(true);

    const call = view.attempts.find((a) => a.channel === 'voice')!;
    const result: SurveyCallResult = await stack.service.gateway.client.workflow.getHandle(callWorkflowIdFor(workflowId, call.attemptKey)).result();
    expect(result.readings!.map((r) => [r.questionId, r.engine])).toEqual([
      ['recommend', 'llm'],
      ['satisfaction', 'rules-fallback'],
      ['resolved', 'llm'],
      ['contact-channel', 'rules-fallback'],
    ]);
    expect(result.readings![1]!.violations.join(' ')).toMatch(/do not answer a rating question/);
    expect(result.readings![3]!.violations).toEqual(['llm-unavailable']);

    // Each request asked about one question, with the words heard and the answer_reading schema.
    expect(llm.requests.map((r) => r.body.messages.at(-1)?.content)).toEqual([
      "I'd give you top marks.",
      'Very satisfied, actually.',
      'I think it was, mostly.',
      'The app, please.',
    ]);
    expect(llm.requests.every((r) => r.body.response_format?.json_schema?.name === 'answer_reading')).toBe(true);
    expect(llm.problems()).toEqual([]);
  });
});
