import { describe, expect, it } from 'vitest';
import { factsFromTwiml, liveStageOf } from '../../../src/live/voice-live';
import { gatherTwiml, hangUpTwiml, recordTwiml, sayAndHangUpTwiml, transferTwiml, voiceStyle } from '../../../src/voice/call-twiml';
import { voiceWebhookUrl } from '../../../src/voice/voice-webhook-urls';

// What the Live page learns from the TwiML a call's webhook is answered with.

const call = 'debtor/northwind/A-1/call/first-call';
const style = voiceStyle('en', false);
const gatherUrl = (stage: string) => voiceWebhookUrl('https://parley.example', 'gather', { call, turn: 2, lang: 'en', stage });

describe('the Live page facts in a call answer', () => {
  it.each([
    [
      'a turn asks the next question',
      gatherTwiml('Can you confirm your year of birth?', style, gatherUrl('verify-identity')),
      [
        { kind: 'turn', call, speaker: 'service', text: 'Can you confirm your year of birth?', turn: 1 },
        { kind: 'stage', call, stage: 'verification' },
      ],
    ],
    [
      'the words hold characters XML escapes, and a card number',
      gatherTwiml("You said 4111 1111 1111 1111 & that's fine?", style, gatherUrl('handle-answer')),
      [
        { kind: 'turn', call, speaker: 'service', text: "You said [CARD] & that's fine?", turn: 1 },
        { kind: 'stage', call, stage: 'negotiation' },
      ],
    ],
    [
      'the reply is a recording of the service’s own voice',
      recordTwiml({ text: 'Hello', audioUrl: 'https://parley.example/audio/c1' }, style, voiceWebhookUrl('https://parley.example', 'record', { call, turn: 1, stage: 'greeting' })),
      [{ kind: 'stage', call, stage: 'greeting' }],
    ],
    [
      'the caller is put in the agents’ queue',
      transferTwiml('Let me connect you.', style, { kind: 'queue', name: 'agents', waitUrl: 'https://parley.example/w' }, 'https://parley.example/t'),
      [
        { kind: 'turn', call, speaker: 'service', text: 'Let me connect you.', turn: 1 },
        { kind: 'stage', call, stage: 'hand-off' },
        { kind: 'hand-off', call, status: 'queued' },
      ],
    ],
    [
      'an agent’s number is dialled',
      transferTwiml('Connecting you.', style, { kind: 'number', number: '+12125550143', whisperUrl: 'https://parley.example/w' }, 'https://parley.example/t'),
      [
        { kind: 'turn', call, speaker: 'service', text: 'Connecting you.', turn: 1 },
        { kind: 'stage', call, stage: 'hand-off' },
        { kind: 'hand-off', call, status: 'ringing' },
      ],
    ],
    ['the call says goodbye', sayAndHangUpTwiml('Goodbye.', style), [{ kind: 'turn', call, speaker: 'service', text: 'Goodbye.', turn: 1 }, { kind: 'stage', call, stage: 'closing' }]],
    ['the call is hung up on', hangUpTwiml(), [{ kind: 'stage', call, stage: 'closing' }]],
  ])('when %s, then the page is told so', (_when, twiml, facts) => {
    expect(factsFromTwiml(call, twiml, 1)).toEqual(facts);
  });

  it.each([
    ['greeting', 'greeting'],
    ['verify-identity', 'verification'],
    ['disclosure', 'disclosure'],
    ['purpose-and-balance', 'negotiation'],
    ['handle-answer', 'negotiation'],
    ['recap', 'recap'],
    ['close', 'closing'],
    ['q3', 'in conversation'],
    [undefined, 'in conversation'],
  ])('when the dialog state is %s, then the stage shown is %s', (state, stage) => {
    expect(liveStageOf(state)).toBe(stage);
  });
});
