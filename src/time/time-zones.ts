/** Time zone names as the charter format writes them: IANA names such as Europe/Helsinki. */

const spellings = new Map<string, string | undefined>();

/**
 * The zone's own spelling (Europe/Helsinki for europe/helsinki) when the
 * runtime's time zone data knows the name, undefined when it does not. Names
 * the data keeps as aliases (Europe/Kiev, UTC) count as known.
 */
export function knownTimeZone(name: string): string | undefined {
  if (spellings.has(name)) return spellings.get(name);
  let spelling: string | undefined;
  try {
    spelling = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    spelling = undefined;
  }
  spellings.set(name, spelling);
  return spelling;
}

/** Every canonical zone name the runtime knows, for suggestions. */
export function timeZoneNames(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}
