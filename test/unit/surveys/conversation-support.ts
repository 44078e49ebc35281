import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCampaignDocument } from '../../../src/campaigns/campaign-document';
import { respond, startConversation } from '../../../src/surveys/conversation/conversation';
import type {
  AnswerRecord,
  Channel,
  ConversationEvent,
  ConversationInput,
  ConversationState,
  Prompt,
  Respondent,
} from '../../../src/surveys/conversation/conversation-types';
import type { AnswerValue } from '../../../src/surveys/question-types';
import type { Survey } from '../../../src/surveys/survey-schema';
import { validateSurvey } from '../../../src/surveys/survey-validation';

// Whole conversations with the demo survey, as a workflow would hold them: start, feed each
// reply, collect what was said, stored and signalled.

export function demoDocument(): Record<string, any> {
  const text = readFileSync(join(__dirname, '../../../examples/surveys/satisfaction-demo.yaml'), 'utf8');
  return parseCampaignDocument(text, 'yaml') as Record<string, any>;
}

export function surveyFrom(document: unknown): Survey {
  const validation = validateSurvey(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors, null, 1));
  return validation.survey;
}

export const demoSurvey = surveyFrom(demoDocument());

/** A reply: words (an SMS, or speech heard clearly), or a full input (digits, a doubtful transcript, a reply time). */
export type Reply = string | ConversationInput;

export interface Contact {
  language?: string;
  channel?: Channel;
  firstName?: string;
  hidden?: Respondent['hidden'];
  /** Answers recorded on earlier contacts. */
  answers?: readonly AnswerRecord[];
  survey?: Survey;
}

export interface Conversation {
  /** Every prompt, in order. */
  prompts: Prompt[];
  /** Every prompt's words, in order. */
  said: string[];
  recorded: AnswerRecord[];
  events: ConversationEvent[];
  state: ConversationState;
  /** Words said after each reply (index 0: at the start). */
  turns: string[][];
}

export function converse(replies: readonly Reply[], contact: Contact = {}): Conversation {
  const survey = contact.survey ?? demoSurvey;
  const respondent: Respondent = {
    language: contact.language ?? 'en',
    firstName: contact.firstName ?? 'Ana',
    hidden: contact.hidden ?? { order: 'A-1001', agent: 'Lee' },
    answers: contact.answers ?? [],
  };
  let turn = startConversation(survey, respondent, contact.channel ?? 'sms');
  const conversation: Conversation = { prompts: [...turn.say], said: [], recorded: [], events: [...turn.events], state: turn.state, turns: [turn.say.map((p) => p.text)] };
  for (const reply of replies) {
    turn = respond(turn.state, typeof reply === 'string' ? { text: reply } : reply, survey);
    conversation.prompts.push(...turn.say);
    conversation.recorded.push(...turn.recorded);
    conversation.events.push(...turn.events);
    conversation.turns.push(turn.say.map((p) => p.text));
    conversation.state = turn.state;
  }
  conversation.said = conversation.prompts.map((prompt) => prompt.text);
  return conversation;
}

/** The answers taken, by question: what the results would show. */
export function answersOf(conversation: Pick<Conversation, 'recorded'>): Record<string, AnswerValue> {
  return Object.fromEntries(
    conversation.recorded.filter((r) => r.part === 'answer' && r.outcome === 'answered').map((r) => [r.questionId, r.value as AnswerValue]),
  );
}

export function eventTypes(conversation: Pick<Conversation, 'events'>): string[] {
  return conversation.events.map((event) => event.type);
}

export function recordFor(conversation: Pick<Conversation, 'recorded'>, questionId: string, part: AnswerRecord['part'] = 'answer'): AnswerRecord {
  const found = conversation.recorded.find((r) => r.questionId === questionId && r.part === part);
  if (!found) throw new Error(`nothing recorded for ${questionId} (${part})`);
  return found;
}
