/** Languages a call can be held in; the campaign picks one per debtor. */
export const LANGUAGES = ['en', 'zh-CN'] as const;

export type Language = (typeof LANGUAGES)[number];
