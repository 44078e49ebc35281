import { containsAbuse } from './abuse';
import { normalizeText } from './text-normalize';
import type { Intent } from './turn-schema';

export interface DetectedIntent {
  intent: Intent;
  /** How sure the pattern match is, 0..1; the caller's ASR confidence is combined later. */
  confidence: number;
}

interface IntentRule {
  intent: Intent;
  /** Patterns on normalized text; or a test of its own (abuse shares its lexicon with the policy check). */
  patterns: readonly RegExp[] | ((text: string) => boolean);
  /** A yes-type intent is cancelled by a negation earlier in the same clause ("I can't pay now"). */
  negatable?: true;
  confidence?: number;
}

/** The keypad menu offered when speech fails (see the reprompt phrases). */
export const DTMF_INTENTS: Readonly<Record<string, Intent>> = { '1': 'pay-now', '2': 'promise-to-pay', '3': 'plan-request', '0': 'human', '9': 'opt-out' };

/**
 * First match wins, so the order is a priority: requests with legal weight (a lawyer, a bankruptcy,
 * "stop calling", a person) outrank everything; then endings; then what the caller offers to do.
 * Both languages are always tried: bilingual callers mix them.
 */
const INTENT_RULES: readonly IntentRule[] = [
  { intent: 'lawyer', patterns: [/\b(?:lawyers?|attorneys?|legal counsel|counsel|solicitor|legal aid)\b/, /律师/] },
  { intent: 'bankruptcy', patterns: [/\b(?:bankrupt\w*|chapter (?:7|11|13|seven|eleven|thirteen)|filed for)\b/, /破产/] },
  {
    intent: 'opt-out',
    patterns: [
      /\b(?:stop (?:calling|contacting|ringing)|quit calling|don't (?:ever )?call|do not call|never call|remove (?:me|my number)|take me off|unsubscribe|opt(?:-| )?out|leave me alone|cease)\b/,
      /^\s*(?:stop|quit|end|revoke|cancel|unsubscribe)\s*[.!]?\s*$/,
      /(?:别|不要)再?(?:给我)?打(?:了|电话|给我)?|(?:不要|别)再?联系|停止(?:拨打|打|联系|来电)|把我(?:的号码)?(?:删|移)除|拉黑|退订|不要骚扰/,
    ],
  },
  {
    intent: 'human',
    patterns: [
      /\b(?:real person|human|live person|an? (?:agent|person|representative|rep|operator|supervisor|manager)|(?:your|the) (?:supervisor|manager)|(?:talk|speak) (?:to|with) (?:someone|somebody)|operator|customer service)\b/,
      /转人工|人工|真人|客服|经理|主管|找个人|跟人说/,
    ],
  },
  {
    intent: 'wrong-person',
    patterns: [
      /\bwrong (?:number|person|guy|lady)\b|\b(?:no one|nobody) (?:here )?(?:by|with|named|called) that name\b|\b(?:doesn't|does not|don't|do not) (?:live|work) here\b|\byou have the wrong\b|\bnever heard of (?:her|him|them)\b/,
      /\b(?:i'm|i am|this is|this isn't|this is not) not (?:her|him|them|that person)\b|\bthat's not me\b|\b(?:she|he)(?:'s| is) not (?:here|home|available|in)\b/,
      /打错了?|打错电话|找错人|你找错|不是我[,.!。]*$|我不是(?:他|她|本人)|没有这个人|不认识(?:他|她|这个人)|(?:他|她)不在/,
    ],
  },
  {
    intent: 'dispute',
    patterns: [
      /\b(?:i (?:don't|do not) owe|not my (?:debt|bill|account|loan)|(?:isn't|is not|wasn't) (?:mine|my debt|my account)|never (?:had|opened|signed up for) (?:an|that|this|the|any)|already paid|(?:it was|it's been|it has been|this was) paid|i dispute|dispute (?:this|it|that|the)|identity theft|fraud\w*|not mine)\b/,
      /不是我的(?:债|欠款|账|钱)|这不是我的|我(?:没有|没|不)欠|已经(?:还|付|交)(?:清|过|完)?了|有异议|有争议|申诉|搞错了|弄错了|身份被盗|被冒用|冒名/,
    ],
  },
  { intent: 'abuse', patterns: containsAbuse },
  {
    // "Sick of", "sick and tired of", "sick to death of" are anger at the calls, not illness: the
    // sentiment score reads them, and a hand-off must not tell the agent the caller is ill.
    intent: 'hardship',
    patterns: [
      /\b(?:lost (?:my|a|the) job|laid off|unemployed|out of work|no (?:job|income|money)|(?:can't|cannot|can not) afford|(?:i'm|i am) broke|(?:in|out of) (?:the )?hospital|medical (?:bills|issues|problems|emergency)|(?:i'm|i am|been) (?:sick|ill|disabled)(?! (?:of|and tired|to death)\b)|(?:can't|cannot|unable to) work|hardship|struggling|(?:can't|cannot) pay|(?:don't|do not) have (?:the |any )?money)\b/,
      /失业|丢了工作|没(?:有)?工作|下岗|被裁|没(?:有)?钱|付不起|还不起|交不起|经济困难|手头紧|生病|住院|困难/,
    ],
  },
  {
    intent: 'callback-request',
    patterns: [
      /\b(?:call (?:me )?(?:back|later|another time|tomorrow|again)|(?:not|isn't|is not) a good time|bad time|(?:i'm|i am) (?:busy|driving|at work|in a meeting)|can't talk(?: right)? now|try (?:me )?(?:again )?later|not now)\b/,
      /(?:晚点|晚些|回头|稍后|等会儿?|过会儿?|改天|明天|下次)再?(?:打|联系|说)|现在不方便|不太方便|在忙|(?:我在|正在)(?:开车|上班|开会)|没空|没时间/,
    ],
  },
  {
    intent: 'plan-request',
    negatable: true,
    patterns: [
      /\b(?:instal{1,2}ments?|payment plan|a plan|monthly|(?:per|each|every) month|(?<!in )a month|split (?:it|the|that)|spread (?:it |the payments? |that )?out|smaller payments|in (?:parts|pieces)|part payments?|over \w+ months)\b/,
      /\b(?:in|into|over) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:payments|parts|months)\b|\b\d+ (?:monthly )?(?:payments|instal{1,2}ments)\b/,
      /分期|分(?:\d+|[一二两三四五六七八九十]+)(?:期|次|个月)|每个?月(?:付|还|交)|分几次|慢慢还|分开(?:付|还)|按月/,
    ],
  },
  {
    intent: 'pay-now',
    negatable: true,
    patterns: [
      /\b(?:pay (?:it |this |that |the (?:whole |full )?(?:balance|amount|thing) )?(?:now|today|right now|right away|in full now|immediately|online|by card)|send (?:me )?(?:the |a )?(?:payment )?link|text (?:me )?(?:the |a )?link)\b/,
      /(?:现在|马上|立刻|今天)就?(?:付|还|交|支付)|把链接发给我|发(?:个)?链接|链接发我|发给我链接|网上(?:付|支付)/,
    ],
  },
  {
    intent: 'promise-to-pay',
    negatable: true,
    patterns: [
      /\b(?:(?:i'll|i will|i can|i could|i'm going to|i am going to|i'm gonna|let me|i should be able to|i promise to) (?:make a |send (?:a |the )?)?(?:pay|payment|send)|promise to pay|(?:pay|payment) (?:on|by|next|this|tomorrow|before|at the end)|when i get paid|on payday)\b/,
      /(?:会|能|可以|打算|准备|保证|争取|下周|这周|本周|明天|后天|星期|周[一二三四五六日天]|号|日|月底|月初|发工资|工资)[^,.!?。]{0,6}(?:付|还|交)(?!不)|答应还/,
    ],
  },
  {
    intent: 'identity-confirmed',
    negatable: true,
    patterns: [
      /\b(?:speaking|this is (?:she|he|her|him|me)|that's me|it's me|that is me|you've got (?:her|him|me)|(?:yes|yeah),? (?:it is|i am|this is))\b|^\s*(?:i am|i'm)\s*[.!]?\s*$/,
      /我就是|是我|我是|本人/,
    ],
  },
  {
    intent: 'deny',
    patterns: [
      /(?:^|[,.!?;]\s*)(?:no|nope|nah)\b(?!\s+(?:problem|worries))|\b(?:not really|no thanks|i don't think so|negative|nothing else|that's everything|bye|goodbye)\b/,
      // 没问题 (no problem), 没错 (right), 不错 (not bad) and 不客气 start like a no and are not one.
      /^\s*(?:不(?!错|客气)|没有(?!问题)|不用|不要|不行|不对|没(?!问题|错|有问题)|算了)|不需要|不用了|没有了|就这些|再见|拜拜/,
    ],
  },
  {
    intent: 'affirm',
    negatable: true,
    patterns: [
      /\b(?:yes|yeah|yep|yup|sure|ok|okay|alright|all right|correct|that's right|of course|absolutely|definitely|sounds good|go ahead|uh-huh|mm-hmm|please do|that works|works for me|no problem|no worries)\b/,
      /^\s*(?:是的?|对的?|好的?|好啊|好吧|嗯+|行|要|确认|正确|当然)|好的|可以|没有?问题|没错|对的|方便/,
    ],
  },
  { intent: 'greet', patterns: [/^\s*(?:hello|hi|hey|good (?:morning|afternoon|evening))\b/, /^\s*(?:喂|你好|您好|哈喽)/] },
  {
    intent: 'question',
    confidence: 0.85,
    patterns: [/\?\s*$|^\s*(?:what|who|why|how|when|where|which|is this|are you|can you|could you|do you|does)\b/, /什么|谁|为什么|怎么|多少|哪|吗\s*$|呢\s*$/],
  },
];

const ENGLISH_NEGATION = /\b(?:not|no|never|don't|do not|won't|will not|can't|cannot|couldn't|wouldn't)\b/;
const CHINESE_NEGATION = /[不没别]/;

function isNegated(text: string, matchIndex: number): boolean {
  const clause = text.slice(0, matchIndex).split(/[,.;!?。；、]|\bbut\b|但是|不过|可是/).at(-1) ?? '';
  return ENGLISH_NEGATION.test(clause) || CHINESE_NEGATION.test(clause.slice(-6));
}

function matches(rule: IntentRule, text: string): boolean {
  if (typeof rule.patterns === 'function') return rule.patterns(text);
  return rule.patterns.some((pattern) => {
    const match = pattern.exec(text);
    return match !== null && !(rule.negatable && isNegated(text, match.index));
  });
}

/** Whether normalized `text` says `intent` by that intent's own rule, whatever else it says (surveys read yes and no this way). */
export function saysIntent(text: string, intent: Intent): boolean {
  const rule = INTENT_RULES.find((r) => r.intent === intent);
  return rule !== undefined && matches(rule, text);
}

/** Keypad digits are exact: a menu digit is its intent, a longer entry is information (a year, a code). */
function intentFromDigits(digits: string): DetectedIntent {
  const menuIntent = DTMF_INTENTS[digits];
  if (menuIntent) return { intent: menuIntent, confidence: 1 };
  return digits.length > 1 ? { intent: 'inform', confidence: 1 } : { intent: 'unknown', confidence: 0 };
}

export function detectIntent(utterance: { text: string; digits?: string | undefined }): DetectedIntent {
  if (utterance.digits) return intentFromDigits(utterance.digits);
  const text = normalizeText(utterance.text);
  const matched = INTENT_RULES.filter((rule) => matches(rule, text));
  const [top] = matched;
  if (!top) return { intent: 'unknown', confidence: 0 };
  // "yes ... no" in one breath is not an answer.
  const contradictory = matched.some((r) => r.intent === 'affirm') && matched.some((r) => r.intent === 'deny');
  return { intent: top.intent, confidence: contradictory ? 0.6 : (top.confidence ?? 0.9) };
}
