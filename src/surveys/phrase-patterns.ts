/** Phrases from a survey document (labels, synonyms) as patterns that the answer readers share. */

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Word-bounded in Latin script ("satisfied" is not in "dissatisfied"); plain in Chinese, which has no spaces. */
export function phrasePattern(source: string): RegExp {
  return /^[\x00-\x7f]*$/.test(source) ? new RegExp(`\\b(?:${source})\\b`, 'g') : new RegExp(source, 'g');
}
