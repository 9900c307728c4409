/**
 * Windows time zone names for the IANA zones charters use, as Microsoft Graph
 * and Exchange know them (from the CLDR windowsZones table). A zone not
 * listed is written in UTC.
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Mariehamn': 'FLE Standard Time',
  'Europe/Tallinn': 'FLE Standard Time',
  'Europe/Riga': 'FLE Standard Time',
  'Europe/Vilnius': 'FLE Standard Time',
  'Europe/Kyiv': 'FLE Standard Time',
  'Europe/Kiev': 'FLE Standard Time',
  'Europe/Sofia': 'FLE Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Oslo': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Luxembourg': 'W. Europe Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Budapest': 'Central Europe Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Atlantic/Reykjavik': 'Greenwich Standard Time',
  'Europe/Athens': 'GTB Standard Time',
  'Europe/Bucharest': 'GTB Standard Time',
  'Europe/Moscow': 'Russian Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Toronto': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Vancouver': 'Pacific Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  'Australia/Melbourne': 'AUS Eastern Standard Time',
  'Australia/Canberra': 'AUS Eastern Standard Time',
  'Australia/Brisbane': 'E. Australia Standard Time',
  'Australia/Adelaide': 'Cen. Australia Standard Time',
  'Australia/Darwin': 'AUS Central Standard Time',
  'Australia/Perth': 'W. Australia Standard Time',
  'Australia/Hobart': 'Tasmania Standard Time',
  'Pacific/Auckland': 'New Zealand Standard Time',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

export function windowsZone(ianaZone: string): string | undefined {
  return Object.hasOwn(WINDOWS_ZONES, ianaZone) ? WINDOWS_ZONES[ianaZone] : undefined;
}
