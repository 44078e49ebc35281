import { describe, expect, it } from 'vitest';
import { mentionsDebtDetail } from '../../../src/dialog/debt-detail';
import { settleTurn } from '../../../src/dialog/settle-turn';
import { callStateMachine } from '../../../src/dialog/call-states';
import { ruleEngineTurn } from '../../../src/dialog/rule-engine';
import { nextTurnContext, type HistoryTurn, type TurnContext } from '../../../src/dialog/turn-context';
import { checkTurnPolicy } from '../../../src/dialog/turn-policy';
import { NO_ENTITIES, type TurnDecision } from '../../../src/dialog/turn-schema';
import { readAnswer } from '../../../src/dialog/verification-answers';
import { llmTurnMessages } from '../../../src/voice/llm-prompt';
import type { CallerLine } from './conversation-driver';
import { makeContext, MINI_MIRANDA_EN } from './fixtures';

// Right-party verification against guessing (12 CFR 1006.6(d)): an answer counts only when every
// reading of it names one single value, and a few wrong answers end the call with nothing said.

const YEARS = Array.from({ length: 2007 - 1940 + 1 }, (_, i) => 1940 + i);
const CHINESE_DIGITS = '零一二三四五六七八九';
const chineseYear = (year: number) => `${[...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join('')}年`;

const ONE_ANSWER_EN = /^Sorry, I can only take one answer, not several\. What is your year of birth\?/;
const NO_MATCH_EN = /^Sorry, that doesn't match what I have\. Could you tell me your year of birth again\?/;
const FAILED_EN = /^I'm sorry, I can't go on without confirming who I'm speaking with\. Please call Sam Lee at 555-0100\. Goodbye\.$/;
const FAILED_ZH = /^抱歉，无法确认您的身份，我没办法继续。/;

const debtor = (birthYear: number) => makeContext({ debtor: { birthYear } });
const chineseDebtor = (birthYear: number) =>
  makeContext({ language: 'zh-CN', debtor: { firstName: '小明', fullName: '王小明', birthYear }, account: { currency: 'CNY' } });

/**
 * Greeting, the name confirmed, then `answers` to the verification questions, through the rule
 * engine and the turn policy; stops when the answers run out or the call ends.
 */
function verifying(start: TurnContext, answers: readonly CallerLine[], name = 'Yes, speaking') {
  const lines = ['Hello?', name, ...answers].map((line) => (typeof line === 'string' ? { text: line, asrConfidence: 0.95 } : { text: '', asrConfidence: 0.95, ...line }));
  let ctx: TurnContext = { ...start, utterance: lines[0]! };
  const decisions: TurnDecision[] = [];
  const history: HistoryTurn[] = [];
  for (const next of [...lines.slice(1), undefined]) {
    const decision = ruleEngineTurn(ctx);
    expect(checkTurnPolicy(ctx, decision)).toEqual({ ok: true });
    decisions.push(decision);
    const after = nextTurnContext(ctx, decision, next ?? { text: '', asrConfidence: 1 }, ctx.now);
    history.push(after.history.at(-1)!);
    if (next === undefined || callStateMachine.isTerminal(decision.nextState)) break;
    ctx = after;
  }
  return { decisions, history, replies: decisions.map((d) => d.reply), final: decisions.at(-1)! };
}

type Call = ReturnType<typeof verifying>;

function expectNothingDisclosed(call: Call, ctx: TurnContext): void {
  expect(call.history.some((turn) => turn.nextState === 'disclosure')).toBe(false);
  for (const reply of call.replies) expect(mentionsDebtDetail(reply, ctx)).toBe(false);
}

describe('the number-list attack', () => {
  const everyYear = YEARS.join(', ');

  it.each(YEARS)('When the caller says every year from 1940 to 2007 and was born in %i, then they are asked for one answer, and after a second list the call ends unverified', (year) => {
    const ctx = debtor(year);
    const call = verifying(ctx, [everyYear, everyYear]);

    expect(call.replies[2]).toMatch(ONE_ANSWER_EN);
    expect(call.final).toMatchObject({ nextState: 'ended' });
    expect(call.final.reply).toMatch(FAILED_EN);
    expectNothingDisclosed(call, ctx);
  });

  it.each<[string, number, CallerLine]>([
    ['maybe 1950 or 1951', 1950, 'maybe 1950 or 1951'],
    ['maybe 1950 or 1951 (the second)', 1951, 'maybe 1950 or 1951'],
    ['two years in words', 1951, 'nineteen fifty, or nineteen fifty one'],
    ['two years digit by digit', 1950, 'one nine five zero or one nine five one'],
    ['two years without a word between them', 1950, '1950 1951'],
    ['a range read as numbers', 1985, 'somewhere between 1980 and 1990'],
    ['the right year beside a wrong one', 1985, "it's 1985, or was it 1986?"],
    ['both keyed and spoken', 1985, { text: 'nineteen eighty six', digits: '1985' }],
  ])('When the caller offers several years (%s), then that is no verification and they are asked again', (_what, year, line) => {
    const ctx = debtor(year);
    const call = verifying(ctx, [line, line]);

    expect(call.replies[2]).toMatch(ONE_ANSWER_EN);
    expect(call.final.reply).toMatch(FAILED_EN);
    expectNothingDisclosed(call, ctx);
  });

  it.each<[string, number, string]>([
    ['年份一个一个念', 1950, '一九五零年或者一九五一年'],
    ['阿拉伯数字', 1951, '可能是1950年，也可能是1951年'],
    ['全部年份', 1985, YEARS.map(chineseYear).join('，')],
  ])('When a Mandarin caller offers several years (%s), then that is no verification', (_what, year, line) => {
    const ctx = chineseDebtor(year);
    const call = verifying(ctx, [line, line], '是我');

    expect(call.replies[2]).toMatch(/^抱歉，只能接受一个答案。请告诉我您的出生年份/);
    expect(call.final.reply).toMatch(FAILED_ZH);
    expectNothingDisclosed(call, ctx);
  });
});

describe('one guess at a time', () => {
  const wrongYears = YEARS.filter((year) => year !== 1985);

  it.each(wrongYears)('When the caller born in 1985 answers %i, then it does not verify, and a second wrong year ends the call', (wrong) => {
    const ctx = debtor(1985);
    const call = verifying(ctx, [String(wrong), String(wrong === 1940 ? 2007 : 1940)]);

    expect(call.replies[2]).toMatch(NO_MATCH_EN);
    expect(call.final.reply).toMatch(FAILED_EN);
    expectNothingDisclosed(call, ctx);
  });

  it.each(wrongYears)('When the Mandarin caller born in 1985 answers %i, then it does not verify', (wrong) => {
    const ctx = chineseDebtor(1985);
    const call = verifying(ctx, [chineseYear(wrong), `${wrong}年`], '是我');

    expect(call.replies[2]).toMatch(/^抱歉，和我这边的记录不一致。/);
    expect(call.final.reply).toMatch(FAILED_ZH);
    expectNothingDisclosed(call, ctx);
  });

  it.each<[string, CallerLine]>([
    ['digits', '1985'],
    ['words', 'nineteen eighty-five'],
    ['words with hundred', 'nineteen hundred and eighty five'],
    ['digit by digit', 'one nine eight five'],
    ['in a sentence with other numbers', "I'm 40, born on the 3rd of March 1985"],
    ['keyed in', { digits: '1985' }],
    ['after one wrong try', '1984'],
  ])('When the caller gives the right year (%s), then they are verified and hear the disclosure', (what, line) => {
    const ctx = debtor(1985);
    const answers = what === 'after one wrong try' ? [line, '1985'] : [line];
    const call = verifying(ctx, answers);

    const disclosedAt = call.history.findIndex((turn) => turn.nextState === 'disclosure');
    expect(disclosedAt).toBe(1 + answers.length);
    expect(call.replies[disclosedAt]).toContain(MINI_MIRANDA_EN);
  });

  it.each(['一九八五年', '我是1985年出生的', '幺九八五', '一千九百八十五年'])('When the Mandarin caller gives the right year (%s), then they are verified', (line) => {
    const ctx = chineseDebtor(1985);
    const call = verifying(ctx, [line], '是我');

    expect(call.history[2]?.nextState).toBe('disclosure');
  });

  it('When the caller keys in two wrong years, then the call ends unverified', () => {
    const ctx = debtor(1985);
    const call = verifying(ctx, [{ digits: '1950' }, { digits: '1951' }]);

    expect(call.replies[2]).toMatch(NO_MATCH_EN);
    expect(call.final.reply).toMatch(FAILED_EN);
  });

  it.each([
    [1, 1],
    [3, 3],
  ])('When the campaign allows %i tries, then the call ends after %i wrong answers', (maxTries, wrong) => {
    const ctx = makeContext({ verification: { maxTries } });
    const answers = Array.from({ length: wrong }, (_, i) => String(1950 + i));
    const call = verifying(ctx, answers);

    expect(call.decisions).toHaveLength(2 + wrong);
    expect(call.final.reply).toMatch(FAILED_EN);
  });
});

describe('the second factor', () => {
  const withZip = (language: 'en' | 'zh-CN' = 'en') =>
    makeContext({ language, debtor: { birthYear: 1985, zip: '02134' }, verification: { maxTries: 2, secondFactor: 'zip' }, account: { currency: language === 'en' ? 'USD' : 'CNY' } });

  it.each<[string, CallerLine]>([
    ['digits', '02134'],
    ['spoken digits', 'zero two one three four'],
    ['with oh', 'oh two one three four'],
    ['keyed in', { digits: '02134' }],
  ])('When the caller gives the right year and then the right ZIP code (%s), then they are verified', (_how, zip) => {
    const ctx = withZip();
    const call = verifying(ctx, ['1985', zip]);

    expect(call.replies[2]).toMatch(/what is your ZIP code\?$/);
    expect(call.history[3]?.nextState).toBe('disclosure');
  });

  it('When a Mandarin caller reads the postal code digit by digit, then they are verified', () => {
    const call = verifying(withZip('zh-CN'), ['一九八五年', '零二一三四'], '是我');

    expect(call.replies[2]).toMatch(/请告诉我您的邮政编码/);
    expect(call.history[3]?.nextState).toBe('disclosure');
  });

  it.each<[string, string[], RegExp]>([
    ['a wrong ZIP code twice', ['02135', '02136'], /doesn't match/],
    ['several ZIP codes twice', ['02134 or 02135', 'zero two one three four, or zero two one three five'], /one answer, not several\. What is your ZIP code\?/],
  ])('When the caller gives the right year and then %s, then the call ends unverified with nothing said', (_what, zips, retry) => {
    const ctx = withZip();
    const call = verifying(ctx, ['1985', ...zips]);

    expect(call.replies[3]).toMatch(retry);
    expect(call.final.reply).toMatch(FAILED_EN);
    expectNothingDisclosed(call, ctx);
  });

  it('When the campaign asks for a ZIP code the record lacks, then nobody can be verified', () => {
    const ctx = makeContext({ debtor: { birthYear: 1985 }, verification: { maxTries: 2, secondFactor: 'zip' } });
    const call = verifying(ctx, ['1985', '02134', '02134']);

    expect(call.final.reply).toMatch(FAILED_EN);
    expectNothingDisclosed(call, ctx);
  });

  it('When the campaign asks for the last 4 of the account reference, then they are asked as a reference number and verify', () => {
    const ctx = makeContext({ debtor: { birthYear: 1985, accountLast4: '4471' }, verification: { maxTries: 2, secondFactor: 'account-last-4' } });
    const call = verifying(ctx, ['1985', 'four four seven one']);

    expect(call.replies[2]).toMatch(/what are the last four digits of your reference number\?$/);
    expect(call.history[3]?.nextState).toBe('disclosure');
  });
});

describe('the LLM cannot verify a guess', () => {
  /** The name confirmed, the year asked; now the caller answers `text`. */
  const askedYear = (text: string, earlier: string[] = []) =>
    makeContext({
      state: 'verify-identity',
      utterance: { text, asrConfidence: 0.95 },
      history: [
        { state: 'greeting', heard: '', said: 'Hello, may I speak with Jane Doe?', intent: 'greet', entities: NO_ENTITIES, nextState: 'verify-identity' },
        { state: 'verify-identity', heard: 'yes', said: 'What is your year of birth?', intent: 'identity-confirmed', entities: NO_ENTITIES, nextState: 'verify-identity' },
        ...earlier.map((heard) => ({ state: 'verify-identity' as const, heard, said: 'Could you say it again?', intent: 'inform' as const, entities: NO_ENTITIES, nextState: 'verify-identity' as const })),
      ],
    });
  const disclose = {
    reply: `Thank you, Jane. I'm Sam Lee with Acme Recoveries. ${MINI_MIRANDA_EN} Is now a good time to talk?`,
    intent: 'identity-confirmed',
    entities: NO_ENTITIES,
    sentiment: 0,
    confidence: 1,
    nextState: 'disclosure',
  };

  it('When the caller lists years and the LLM moves on to the disclosure, then the turn is refused and the rule engine asks for one answer', () => {
    const ctx = askedYear(YEARS.join(' '));

    const settled = settleTurn(ctx, disclose);

    expect(settled.candidateAccepted).toBe(false);
    expect(settled.violations).toEqual(expect.arrayContaining(['debt-detail-before-verification', 'unverified-caller-past-verification']));
    expect(settled.decision.reply).toMatch(ONE_ANSWER_EN);
  });

  it('When the LLM moves on without saying anything about the debt, then it is still refused', () => {
    const ctx = askedYear('1950 or 1985');
    const result = checkTurnPolicy(ctx, { ...disclose, reply: 'Great, thanks. Is now a good time to talk?' });

    expect(result).toMatchObject({ ok: false, violations: expect.arrayContaining(['unverified-caller-past-verification']) });
  });

  it('When the caller is out of tries, then an LLM turn that asks again is refused and the call ends', () => {
    const ctx = askedYear('1950', ['1951']);
    const again = { ...disclose, reply: 'Could you tell me your year of birth once more?', intent: 'inform', nextState: 'verify-identity' };

    const settled = settleTurn(ctx, again);

    expect(settled.violations).toContain('verification-tries-exhausted');
    expect(settled).toMatchObject({ decision: { nextState: 'ended' } });
  });

  it('When the caller keys a wrong year, then the turn keeps the keys pressed, whatever the LLM reports', () => {
    const ctx = { ...askedYear(''), utterance: { text: '', asrConfidence: 1, digits: '1950' } };
    const again = { ...disclose, reply: 'Could you tell me your year of birth once more?', intent: 'inform', entities: { ...NO_ENTITIES, digits: '1985' }, nextState: 'verify-identity' };

    const settled = settleTurn(ctx, again);

    expect(settled).toMatchObject({ candidateAccepted: true, decision: { entities: { digits: '1950' } } });
  });

  it('When the caller lists years, then the prompt says so and holds no debt detail', () => {
    const [system] = llmTurnMessages(askedYear('1950, 1985, 1990'));

    expect(system?.content).toMatch(/gave several values: ask for exactly one/);
    expect(system?.content).not.toMatch(/MATCHES|Balance:|Acme Recoveries/);
  });

  it('When the caller gives the right year, then the prompt says it matches and gives the account', () => {
    const [system] = llmTurnMessages(askedYear('1985'));

    expect(system?.content).toMatch(/latest answer MATCHES our records/);
    expect(system?.content).toMatch(/Balance: 12000 minor units/);
  });
});

describe('readAnswer', () => {
  it.each<[string, { text: string; digits?: string }, string]>([
    ['a year among other numbers', { text: 'born 12/03/1985' }, 'match'],
    ['a year said in halves', { text: 'twenty oh five' }, 'mismatch'],
    ['no number', { text: 'why do you need that?' }, 'none'],
    ['a lone "one"', { text: 'one moment please' }, 'none'],
    ['a two-digit year', { text: "eighty-five" }, 'mismatch'],
    ['two halves of two years', { text: 'nineteen fifty nineteen fifty one' }, 'several'],
  ])('%s', (_what, utterance, expected) => {
    expect(readAnswer(utterance, { kind: 'year' }, '1985')).toBe(expected);
  });
});
