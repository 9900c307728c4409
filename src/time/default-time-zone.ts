/**
 * The offices' time zone when a charter names none, and the zone of "today"
 * for review dates and reports. A module of its own so that light modules can
 * use it without loading the working calendar's holiday data.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';
