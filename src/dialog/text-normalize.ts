/**
 * Northern and internet Chinese words for common ones, folded to the standard word of the same
 * length so offsets hold: 俺 (I), 木有 (have not), 神马 (what), 肿么 (how).
 */
const REGIONAL_WORDS: Readonly<Record<string, string>> = { 俺: '我', 木有: '没有', 神马: '什么', 肿么: '怎么' };
const REGIONAL_WORD = new RegExp(Object.keys(REGIONAL_WORDS).join('|'), 'g');

/**
 * One canonical form for everything the pattern matchers read: NFKC folds full-width digits and
 * punctuation (Chinese speech-recognition output often has them) to ASCII, curly apostrophes become
 * straight, Latin letters lower-case, regional Chinese words standard. Every matcher reads this same
 * form, so their offsets agree.
 */
export function normalizeText(text: string): string {
  const folded = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
  return folded.replace(REGIONAL_WORD, (word) => REGIONAL_WORDS[word] ?? word);
}

/** Letters and digits only: for "was this sentence said?" checks that ignore punctuation and spacing. */
function lettersAndDigits(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

export function containsPhrase(text: string, phrase: string): boolean {
  const needle = lettersAndDigits(phrase);
  return needle.length > 0 && lettersAndDigits(text).includes(needle);
}

/** Replaces each given phrase with spaces of the same length, so later scans neither see nor shift it. */
export function blankOut(text: string, phrases: readonly string[]): string {
  return phrases.reduce((acc, phrase) => (phrase ? acc.split(phrase).join(' '.repeat(phrase.length)) : acc), text);
}
