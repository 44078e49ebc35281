import type { Language } from './language';
import type { FactorKind } from './verification';

/**
 * Everything the collections rule engine says, per language. Short sentences for the phone; names,
 * amounts and dates arrive already formatted for speech (speech-format.ts). Before verification no
 * phrase may hint at a debt, the creditor or the collector's company (12 CFR 1006.6(d)): the account
 * reference is a "reference number" here, as "account" would say what the call is about.
 */
type Localized<Params> = { readonly [L in Language]: (params: Params) => string };

interface Caller {
  agentName: string;
  callbackNumber: string;
}

/** What each verification question asks for, as the object of "tell me …". */
const FACTOR_NAMES: Readonly<Record<Language, Readonly<Record<FactorKind, string>>>> = {
  en: { 'birth-year': 'your year of birth', zip: 'your ZIP code', 'account-last-4': 'the last four digits of your reference number' },
  'zh-CN': { 'birth-year': '您的出生年份', zip: '您的邮政编码', 'account-last-4': '您的参考编号后四位' },
};

const FACTOR_QUESTIONS_EN: Readonly<Record<FactorKind, string>> = {
  'birth-year': 'what is your year of birth?',
  zip: 'what is your ZIP code?',
  'account-last-4': 'what are the last four digits of your reference number?',
};

const askEn = (kind: FactorKind, capital: boolean): string => {
  const question = FACTOR_QUESTIONS_EN[kind];
  return capital ? question.charAt(0).toUpperCase() + question.slice(1) : question;
};

interface PlanTerms {
  count: number;
  first: string;
  regular: string;
}

const planTermsEn = ({ count, first, regular }: PlanTerms): string =>
  `${count} monthly payments of ${regular}${first === regular ? ' each' : `, the first one ${first}`}`;
const planTermsZh = ({ count, first, regular }: PlanTerms): string =>
  `分${count}期按月还款，${first === regular ? `每期${regular}` : `第一期${first}，之后每期${regular}`}`;

export const PHRASES = {
  greeting: {
    en: (p) => `Hello, this is ${p.agentName} calling. May I please speak with ${p.fullName}?`,
    'zh-CN': (p) => `您好，我是${p.agentName}。请问是${p.fullName}本人吗？`,
  } satisfies Localized<{ agentName: string; fullName: string }>,
  whoIsCalling: {
    en: (p) => `This is ${p.agentName}, calling ${p.fullName} about a personal business matter. Am I speaking with ${p.fullName}?`,
    'zh-CN': (p) => `我是${p.agentName}，有一件私人事务需要联系${p.fullName}。请问您是${p.fullName}本人吗？`,
  } satisfies Localized<{ agentName: string; fullName: string }>,
  reaskName: {
    en: (p) => `Sorry, I didn't catch that. Am I speaking with ${p.fullName}?`,
    'zh-CN': (p) => `抱歉，我没听清。请问您是${p.fullName}本人吗？`,
  } satisfies Localized<{ fullName: string }>,
  verifyFirst: {
    en: (p) => `Before we go on, I need to confirm I'm speaking with ${p.fullName}. Is that you?`,
    'zh-CN': (p) => `在继续之前，我需要先确认您是${p.fullName}本人。请问是您吗？`,
  } satisfies Localized<{ fullName: string }>,
  confirmName: {
    en: (p) => `Am I speaking with ${p.fullName}?`,
    'zh-CN': (p) => `请问您是${p.fullName}本人吗？`,
  } satisfies Localized<{ fullName: string }>,
  askFactorAgain: {
    en: (p) => askEn(p.kind, true),
    'zh-CN': (p) => `请告诉我${FACTOR_NAMES['zh-CN'][p.kind]}。`,
  } satisfies Localized<{ kind: FactorKind }>,
  /** A question whose answer is about the debt, asked before verification: nothing said, back to verifying. */
  faqAfterVerifying: {
    en: () => `I can share that once I've confirmed I'm speaking with the right person.`,
    'zh-CN': () => `确认是您本人之后，我才能告诉您。`,
  } satisfies Localized<void>,
  askFactor: {
    en: (p) => `Thank you. To make sure I'm speaking with the right person, ${askEn(p.kind, false)}`,
    'zh-CN': (p) => `谢谢。为了确认是您本人，请告诉我${FACTOR_NAMES['zh-CN'][p.kind]}。`,
  } satisfies Localized<{ kind: FactorKind }>,
  whyFactor: {
    en: (p) => `It's only to make sure I'm speaking with the right person. ${askEn(p.kind, true)}`,
    'zh-CN': (p) => `这只是为了确认是您本人。请告诉我${FACTOR_NAMES['zh-CN'][p.kind]}。`,
  } satisfies Localized<{ kind: FactorKind }>,
  factorRetry: {
    en: (p) => `Sorry, that doesn't match what I have. Could you tell me ${FACTOR_NAMES.en[p.kind]} again? You can also key it in.`,
    'zh-CN': (p) => `抱歉，和我这边的记录不一致。请再说一次${FACTOR_NAMES['zh-CN'][p.kind]}，也可以用按键输入。`,
  } satisfies Localized<{ kind: FactorKind }>,
  factorOneAnswer: {
    en: (p) => `Sorry, I can only take one answer, not several. ${askEn(p.kind, true)} You can also key it in.`,
    'zh-CN': (p) => `抱歉，只能接受一个答案。请告诉我${FACTOR_NAMES['zh-CN'][p.kind]}，也可以用按键输入。`,
  } satisfies Localized<{ kind: FactorKind }>,
  factorReprompt: {
    en: (p) => `Sorry, I didn't catch that. ${askEn(p.kind, true)} You can also key it in.`,
    'zh-CN': (p) => `抱歉，我没听清。请告诉我${FACTOR_NAMES['zh-CN'][p.kind]}，也可以用按键输入。`,
  } satisfies Localized<{ kind: FactorKind }>,
  verificationFailed: {
    en: (p) => `I'm sorry, I can't go on without confirming who I'm speaking with. Please call ${p.agentName} at ${p.callbackNumber}. Goodbye.`,
    'zh-CN': (p) => `抱歉，无法确认您的身份，我没办法继续。请拨打${p.callbackNumber}联系${p.agentName}。再见。`,
  } satisfies Localized<Caller>,
  wrongPerson: {
    en: (p) => `Sorry for the trouble. If you know ${p.fullName}, could you ask them to call ${p.agentName} at ${p.callbackNumber}? Thank you, goodbye.`,
    'zh-CN': (p) => `抱歉打扰了。如果您认识${p.fullName}，麻烦转告对方拨打${p.callbackNumber}联系${p.agentName}。谢谢，再见。`,
  } satisfies Localized<Caller & { fullName: string }>,
  notNow: {
    en: () => `No problem, we'll try another time. Goodbye.`,
    'zh-CN': () => `没问题，我们改天再联系您。再见。`,
  } satisfies Localized<void>,
  disclosure: {
    en: (p) => `Thank you, ${p.firstName}. I'm ${p.agentName} with ${p.companyName}. ${p.disclosure} Is now a good time to talk?`,
    'zh-CN': (p) => `谢谢您。我是${p.companyName}的${p.agentName}。${p.disclosure}现在方便说几句吗？`,
  } satisfies Localized<{ firstName: string; agentName: string; companyName: string; disclosure: string }>,
  disclosureThenHandoff: {
    en: (p) => `Thank you, ${p.firstName}. I'm ${p.agentName} with ${p.companyName}. ${p.disclosure} I'll connect you with a colleague now. Please hold.`,
    'zh-CN': (p) => `谢谢您。我是${p.companyName}的${p.agentName}。${p.disclosure}我现在为您转接同事，请稍等。`,
  } satisfies Localized<{ firstName: string; agentName: string; companyName: string; disclosure: string }>,
  goodTimeToTalk: {
    en: () => `Is now a good time to talk?`,
    'zh-CN': () => `现在方便说几句吗？`,
  } satisfies Localized<void>,
  disclosureReprompt: {
    en: () => `Sorry, I didn't catch that. Is now a good time to talk?`,
    'zh-CN': () => `抱歉，我没听清。现在方便说几句吗？`,
  } satisfies Localized<void>,
  purpose: {
    en: (p) => `I'm calling about your ${p.creditorName} account. The balance of ${p.amount} ${p.overdue ? 'was' : 'is'} due on ${p.dueDate}.`,
    'zh-CN': (p) => `这次是关于您在${p.creditorName}的账户，欠款${p.amount}，${p.overdue ? '已于' : '将于'}${p.dueDate}到期。`,
  } satisfies Localized<{ creditorName: string; amount: string; dueDate: string; overdue: boolean }>,
  creditReporting: {
    en: () => `If it stays unpaid, the creditor may report it to the credit bureaus.`,
    'zh-CN': () => `如果继续未还，债权方可能会将其报告给征信机构。`,
  } satisfies Localized<void>,
  lateFees: {
    en: () => `Late fees may continue to be added under your agreement.`,
    'zh-CN': () => `根据您的协议，可能会继续产生滞纳金。`,
  } satisfies Localized<void>,
  staysOpen: {
    en: () => `It will stay open on your account until it's paid.`,
    'zh-CN': () => `在还清之前，这笔欠款会一直留在您的账户上。`,
  } satisfies Localized<void>,
  offerLink: {
    en: () => `I can text you a secure link to pay it now. Shall I send it?`,
    'zh-CN': () => `我可以把安全付款链接发短信给您，现在就能付。要发送吗？`,
  } satisfies Localized<void>,
  offerPlan: {
    en: (p) => `We can split it into ${planTermsEn(p)}. Would you like to set that up?`,
    'zh-CN': (p) => `我们可以为您${planTermsZh(p)}。需要为您办理吗？`,
  } satisfies Localized<PlanTerms>,
  menu: {
    en: (p) =>
      `You can pay now with a secure text link, pick a date to pay${p.maxInstalments ? `, or pay in up to ${p.maxInstalments} monthly instalments` : ''}. What works best for you?`,
    'zh-CN': (p) =>
      `您可以通过短信链接现在付款、约定一个付款日期${p.maxInstalments ? `，或者最多分${p.maxInstalments}期按月还款` : ''}。您看哪种方式合适？`,
  } satisfies Localized<{ maxInstalments: number | undefined }>,
  keypadMenu: {
    en: (p) =>
      `Sorry, I didn't catch that. You can also use your keypad: press 1 to pay now, 2 to pick a payment date, ${p.plan ? '3 for monthly instalments, ' : ''}0 to speak with someone, or 9 to stop our calls.`,
    'zh-CN': (p) => `抱歉，我没听清。您也可以按键：按1现在付款，按2约定付款日期，${p.plan ? '按3分期还款，' : ''}按0转人工，按9停止来电。`,
  } satisfies Localized<{ plan: boolean }>,
  askDateAndAmount: {
    en: () => `Sure. When can you pay, and how much?`,
    'zh-CN': () => `好的，您打算哪天付、付多少？`,
  } satisfies Localized<void>,
  askDate: {
    en: (p) => `Sure. What date can you pay ${p.amount}?`,
    'zh-CN': (p) => `好的，您哪天可以付${p.amount}？`,
  } satisfies Localized<{ amount: string }>,
  askAmount: {
    en: (p) => `Thanks. How much can you pay on ${p.date}?`,
    'zh-CN': (p) => `好的，${p.date}您可以付多少？`,
  } satisfies Localized<{ date: string }>,
  promiseTooLate: {
    en: (p) => `I can only note a date up to ${p.latest}. Could you pay by then?`,
    'zh-CN': (p) => `我最晚只能为您约定到${p.latest}。您能在那之前付款吗？`,
  } satisfies Localized<{ latest: string }>,
  planCounter: {
    en: (p) => `The most I can offer is ${planTermsEn(p)}. Would that work?`,
    'zh-CN': (p) => `最多可以${planTermsZh(p)}。这样可以吗？`,
  } satisfies Localized<PlanTerms>,
  planUnavailable: {
    en: () => `I can't offer a plan on this balance, but I can note a date for you to pay. When could you pay?`,
    'zh-CN': () => `这笔欠款暂时无法分期，但我可以为您约定一个付款日期。您哪天可以付？`,
  } satisfies Localized<void>,
  recapPayNow: {
    en: (p) => `To confirm: I'll text a secure link to this number so you can pay ${p.amount} now. Is that right?`,
    'zh-CN': (p) => `跟您确认一下：我把支付${p.amount}的安全链接发到这个号码，您现在付款，对吗？`,
  } satisfies Localized<{ amount: string }>,
  recapPromise: {
    en: (p) => `To confirm: you'll pay ${p.amount} on ${p.date}. Is that right?`,
    'zh-CN': (p) => `跟您确认一下：您会在${p.date}支付${p.amount}，对吗？`,
  } satisfies Localized<{ amount: string; date: string }>,
  recapPlan: {
    en: (p) => `To confirm: ${planTermsEn(p)}. Is that right?`,
    'zh-CN': (p) => `跟您确认一下：${planTermsZh(p)}，对吗？`,
  } satisfies Localized<PlanTerms>,
  recapReprompt: {
    en: () => `Sorry, I didn't catch that. Is that right? Please say yes or no.`,
    'zh-CN': () => `抱歉，我没听清。请问对吗？请说“对”或“不对”。`,
  } satisfies Localized<void>,
  askChange: {
    en: () => `No problem. What would you like to change?`,
    'zh-CN': () => `好的，您想怎么调整？`,
  } satisfies Localized<void>,
  linkOnItsWay: {
    en: () => `Great, I'm texting you the link now, and I can stay on the line while you pay. Is there anything else I can help with?`,
    'zh-CN': () => `好的，链接马上发给您，您付款时我可以在线等候。还有什么可以帮您的吗？`,
  } satisfies Localized<void>,
  paidDuringCall: {
    en: (p) => `Thank you, ${p.firstName}. I can see your payment of ${p.amount} has come through. Have a good day. Goodbye.`,
    'zh-CN': (p) => `谢谢您，${p.firstName}。您${p.amount}的付款已经到账。祝您愉快，再见。`,
  } satisfies Localized<{ firstName: string; amount: string }>,
  noted: {
    en: () => `Thank you, I've noted that. Is there anything else I can help with?`,
    'zh-CN': () => `好的，已经为您记录。还有什么可以帮您的吗？`,
  } satisfies Localized<void>,
  askCallbackDay: {
    en: () => `Of course. What day would be better for a call back?`,
    'zh-CN': () => `没问题。您哪天方便我们再打给您？`,
  } satisfies Localized<void>,
  callbackConfirmed: {
    en: (p) => `Sure, we'll call you back on ${p.date}. Goodbye.`,
    'zh-CN': (p) => `好的，我们会在${p.date}再联系您。再见。`,
  } satisfies Localized<{ date: string }>,
  optOut: {
    en: () => `Understood. We'll stop calling this number. Goodbye.`,
    'zh-CN': () => `好的，我们不会再拨打这个号码。再见。`,
  } satisfies Localized<void>,
  noAgreement: {
    en: (p) => `All right. If you'd like to talk about options, call ${p.agentName} at ${p.callbackNumber}. Goodbye.`,
    'zh-CN': (p) => `好的。如果您想了解还款方式，请拨打${p.callbackNumber}联系${p.agentName}。再见。`,
  } satisfies Localized<Caller>,
  goodbye: {
    en: (p) => `Thank you for your time, ${p.firstName}. Goodbye.`,
    'zh-CN': () => `感谢您的时间，再见。`,
  } satisfies Localized<{ firstName: string }>,
  handoff: {
    en: () => `Of course. I'll connect you with a colleague now. Please hold.`,
    'zh-CN': () => `好的，我现在为您转接同事，请稍等。`,
  } satisfies Localized<void>,
  handoffCalmly: {
    en: () => `I'll connect you with a colleague now. Please hold.`,
    'zh-CN': () => `我现在为您转接同事，请稍等。`,
  } satisfies Localized<void>,
  handoffNoProgress: {
    en: () => `I can't agree to that myself, so I'll connect you with a colleague who can look at it with you. Please hold.`,
    'zh-CN': () => `这个我无法直接答应，我现在为您转接同事，和您一起看看怎么办，请稍等。`,
  } satisfies Localized<void>,
  handoffNotUnderstood: {
    en: () => `I'm having trouble hearing you, so I'll connect you with a colleague. Please hold.`,
    'zh-CN': () => `抱歉，我一直没听清，现在为您转接同事，请稍等。`,
  } satisfies Localized<void>,
  handoffDispute: {
    en: () => `I understand, and I've noted that you dispute this. I'll connect you with a colleague who can help. Please hold.`,
    'zh-CN': () => `明白，已记录您对此有异议。我现在为您转接同事处理，请稍等。`,
  } satisfies Localized<void>,
  handoffLawyer: {
    en: () => `Understood. I'll connect you with a colleague who can take your attorney's details. Please hold.`,
    'zh-CN': () => `明白。我现在为您转接同事，记录您律师的联系方式，请稍等。`,
  } satisfies Localized<void>,
  handoffBankruptcy: {
    en: () => `Thank you for telling me. I'll connect you with a colleague who can take the details. Please hold.`,
    'zh-CN': () => `谢谢告知。我现在为您转接同事了解详情，请稍等。`,
  } satisfies Localized<void>,
  handoffComplaint: {
    en: () => `I'm sorry. I've noted your complaint, and I'll connect you with a colleague who can take it up. Please hold.`,
    'zh-CN': () => `非常抱歉，已记录您的投诉，我现在为您转接同事处理，请稍等。`,
  } satisfies Localized<void>,
  handoffHardship: {
    en: () => `I'm sorry to hear that. I'll connect you with a colleague who can go over options with you. Please hold.`,
    'zh-CN': () => `听到这个情况很抱歉。我现在为您转接同事，和您一起看看有哪些办法，请稍等。`,
  } satisfies Localized<void>,
};

/** Sentences of one reply: spaced in English, run together in Chinese. */
export function joinSentences(language: Language, sentences: readonly string[]): string {
  return sentences.join(language === 'en' ? ' ' : '');
}
