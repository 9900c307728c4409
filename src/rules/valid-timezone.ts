import { closestMatch } from '../util/suggest.js';
import { knownTimeZone, timeZoneNames } from '../time/time-zones.js';
import { hoursBlocks } from './access.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** The shape the schema checks (it reports other shapes itself). */
const ZONE_SHAPE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;

export default defineRule(
  'valid-timezone',
  'Time zones are ones the time zone database knows (Europe/Helsinki, not Europe/Helsinky).',
  'error',
  ({ charter, report }) => {
    for (const { path, hours } of hoursBlocks(charter.data)) {
      const zone = hours.timezone;
      if (typeof zone !== 'string' || !ZONE_SHAPE.test(zone)) continue;
      const spelling = knownTimeZone(zone);
      const at = [...path, 'timezone'];
      if (spelling === undefined) {
        const suggestion = closestMatch(zone, timeZoneNames());
        report({
          path: at,
          message: suggestion ? message('rules.valid-timezone.unknown-suggest', { zone, suggestion }) : message('rules.valid-timezone.unknown', { zone }),
        });
      } else if (spelling !== zone && spelling.toLowerCase() === zone.toLowerCase()) {
        report({ path: at, message: message('rules.valid-timezone.spelling', { zone, spelling }) });
      }
    }
  },
);
