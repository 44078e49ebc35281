import type { Language } from '../../dialog/language';

// Everything the survey conversation says in its own words, per language: the survey document
// gives the introduction, the questions, the probes and the closing; these join them up. Short
// sentences: they are spoken as often as they are texted.

type Localized<Params = void> = { readonly [L in Language]: (params: Params) => string };

const list = (items: readonly string[], or: string, comma = ', '): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(comma)}${or}${items.at(-1)}`;

/** "a, b or c" / "a、b或c": how a choice between spoken options is said. */
const alternatives: Localized<readonly string[]> = {
  en: (items) => list(items, ' or '),
  'zh-CN': (items) => list(items, '还是', '、'),
};

export const both: Localized<readonly string[]> = {
  en: (items) => list(items, ' and '),
  'zh-CN': (items) => list(items, '和', '、'),
};

export const PHRASES = {
  thanks: { en: () => 'Thank you.', 'zh-CN': () => '好的，谢谢。' } satisfies Localized,
  welcomeBack: {
    en: (name) => `Welcome back${name ? `, ${name}` : ''}. Let's pick up where we left off.`,
    'zh-CN': (name) => `${name ? `${name}，` : ''}欢迎回来。我们接着上次的问题继续。`,
  } satisfies Localized<string | undefined>,
  askConsentAgain: {
    en: () => 'Sorry, I did not catch that. Do you have a minute for a few quick questions? Yes or no?',
    'zh-CN': () => '不好意思，我没听清楚。您现在方便回答几个简短的问题吗？方便还是不方便？',
  } satisfies Localized,
  declined: {
    en: () => 'No problem. Thank you, and have a good day.',
    'zh-CN': () => '没关系。谢谢您，祝您愉快。',
  } satisfies Localized,
  callBackLater: {
    en: () => "Of course, we'll try another time. Goodbye.",
    'zh-CN': () => '好的，我们改天再联系您。再见。',
  } satisfies Localized,
  optedOut: {
    en: () => "Understood. We won't contact you about this survey again. Goodbye.",
    'zh-CN': () => '好的，我们不会再就这项调查联系您。再见。',
  } satisfies Localized,
  // Said whether the workflow transfers the call or opens a task: both end with someone getting back.
  handOff: {
    en: () => "I understand. I'll make sure someone from our team gets back to you. Thank you for your time.",
    'zh-CN': () => '明白。我会请我们团队的同事跟您联系。感谢您的时间。',
  } satisfies Localized,
  misheard: { en: () => 'Sorry, my mistake.', 'zh-CN': () => '不好意思，是我听错了。' } satisfies Localized,
  notUnderstood: { en: () => "Sorry, I didn't quite catch that.", 'zh-CN': () => '不好意思，我没太听清楚。' } satisfies Localized,
  outOfRange: {
    en: (said) => `Sorry, ${said} isn't one of the options.`,
    'zh-CN': (said) => `不好意思，${said}不在选项范围内。`,
  } satisfies Localized<number>,
  pleaseTryRequired: {
    en: () => "That's all right. It would really help us to know, if you can say:",
    'zh-CN': () => '没关系。如果您能回答，这个问题对我们很有帮助：',
  } satisfies Localized,
  confirm: {
    en: (options) => `Just to check, was that ${alternatives.en(options)}?`,
    'zh-CN': (options) => `我确认一下，是${alternatives['zh-CN'](options)}${options.length === 1 ? '吗' : ''}？`,
  } satisfies Localized<readonly string[]>,
  confirmYesNo: {
    en: () => 'Just to check, would you say yes or no?',
    'zh-CN': () => '我确认一下，您的回答是“是”还是“否”？',
  } satisfies Localized,
  heardEarly: {
    en: (value) => `You mentioned ${value} already, thanks.`,
    'zh-CN': (value) => `您刚才已经提到了${value}，谢谢。`,
  } satisfies Localized<string>,
  yes: { en: () => 'yes', 'zh-CN': () => '是' } satisfies Localized,
  no: { en: () => 'no', 'zh-CN': () => '否' } satisfies Localized,
  replyRange: { en: (r) => `Reply ${r.min}–${r.max}.`, 'zh-CN': (r) => `请回复 ${r.min}–${r.max}。` } satisfies Localized<Range>,
  replyNumber: {
    en: (r) => `Reply with a number from ${r.min} to ${r.max}.`,
    'zh-CN': (r) => `请回复 ${r.min} 到 ${r.max} 之间的数字。`,
  } satisfies Localized<Range>,
  replyYesNo: { en: () => 'Reply YES or NO.', 'zh-CN': () => '请回复“是”或“否”。' } satisfies Localized,
  replyDate: { en: () => 'Reply with the date.', 'zh-CN': () => '请回复日期。' } satisfies Localized,
  replyChoice: {
    en: (keys) => `Reply ${alternatives.en(keys)}.`,
    'zh-CN': (keys) => `请回复 ${list(keys, '或', '、')}。`,
  } satisfies Localized<readonly string[]>,
  replyChoices: {
    en: (keys) => `Reply the numbers of all that apply: ${both.en(keys)}.`,
    'zh-CN': (keys) => `请回复所有适用的编号：${both['zh-CN'](keys)}。`,
  } satisfies Localized<readonly string[]>,
  pressRange: {
    en: (r) => `Or press a number from ${r.min} to ${r.max} on your keypad.`,
    'zh-CN': (r) => `您也可以在键盘上按 ${r.min} 到 ${r.max}。`,
  } satisfies Localized<Range>,
  pressChoice: {
    en: (keys) => `Or press ${alternatives.en(keys)} on your keypad.`,
    'zh-CN': (keys) => `您也可以按键：${list(keys, '，', '，')}。`,
  } satisfies Localized<readonly string[]>,
  /** A choice's key with its label: "1 (phone)" in a text, "1 for phone" spoken. */
  keyForChoice: {
    en: ({ key, label, voice }) => (voice ? `${key} for ${label}` : `${key} (${label})`),
    'zh-CN': ({ key, label, voice }) => (voice ? `${key} 代表${label}` : `${key}（${label}）`),
  } satisfies Localized<{ key: number; label: string; voice: boolean }>,
};

interface Range {
  min: number;
  max: number;
}
