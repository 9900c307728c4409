/**
 * The languages the guide and the pocket cards are made in: the interface is
 * translated into these. A charter written in another language cannot be
 * published yet (rule `languages-published`).
 */
export const PUBLISHED_LANGUAGES = ['fi', 'sv', 'en'] as const;
