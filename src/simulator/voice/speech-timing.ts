// Typical text-to-speech and conversational pace: about 150 words a minute in English, about four
// characters a second in Chinese. Used to advance simulated call time realistically.
const SECONDS_PER_WORD = 0.4;
const SECONDS_PER_CJK_CHARACTER = 0.25;

export function speakingSeconds(text: string): number {
  const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = text.replace(/\p{Script=Han}/gu, ' ').split(/\s+/).filter(Boolean).length;
  return Math.max(0.5, words * SECONDS_PER_WORD + cjk * SECONDS_PER_CJK_CHARACTER);
}
