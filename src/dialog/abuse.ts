import { normalizeText } from './text-normalize';

/**
 * Insults and profanity, EN and ZH. Read on the caller's words (abuse -> escalate to a person) and
 * on the agent's (obscene or profane language is harassment, 12 CFR 1006.14(d)).
 */
const ABUSE_PATTERNS: readonly RegExp[] = [
  /\b(?:fuck\w*|f\*+k|shit\w*|bullshit|bitch\w*|bastards?|assholes?|dickheads?|cunts?|morons?|idiots?|imbeciles?|retards?|scumbags?|scum|wankers?|jerks?|pieces? of (?:shit|crap|garbage)|kiss my ass|piss off|bugger off|sod off|bite me|tossers?|twats?|pricks?|stupid|dumb(?:ass)?|screw you|go to hell|damn you|shut up|bloodsuckers?|vultures?|leeches|parasites?)\b/,
  /他妈|妈的|操你|草你|肏|傻逼|傻b|煞笔|\bsb\b|混蛋|王八蛋|狗娘养|去死|滚蛋|滚开|^滚|你滚|神经病|你有病|脑子有病|脑子进水|脑残|白痴|笨蛋|蠢货|废物|贱人|人渣|吸血鬼|闭嘴|垃圾/,
  // Kin words as insults only when aimed at "you" ("你们这帮…孙子"); "我孙子" is a grandson.
  /(?:你|你们|这帮|这群)[^，。,.！!？?]{0,10}(?<![我他她]|[我他她]的)(?:孙子|龟孙|畜生|狗东西|王八)/,
];

export function containsAbuse(text: string): boolean {
  const normalized = normalizeText(text);
  return ABUSE_PATTERNS.some((pattern) => pattern.test(normalized));
}
