/** The languages messages are written in: those of the administrators first. */
export const MESSAGE_LOCALES = ['fi', 'sv', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

export function isMessageLocale(value: string): value is MessageLocale {
  return (MESSAGE_LOCALES as readonly string[]).includes(value);
}

/**
 * The locale the environment asks for, as POSIX tools read it: LC_ALL, then
 * LC_MESSAGES, then LANG (`fi_FI.UTF-8`, `sv_FI`, `sv`); English for anything
 * else, C and POSIX included.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): MessageLocale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const language = value.split(/[_.@-]/)[0]?.toLowerCase() ?? '';
    return isMessageLocale(language) ? language : 'en';
  }
  return 'en';
}
