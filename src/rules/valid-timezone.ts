import { closestMatch } from '../util/suggest.js';
import { knownTimeZone, timeZoneNames } from '../time/time-zones.js';
import { hoursBlocks } from './access.js';
import { defineRule } from './rule.js';

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
          message: `\`${zone}\` is not a time zone in the time zone database; write an IANA name such as Europe/Helsinki${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        });
      } else if (spelling !== zone && spelling.toLowerCase() === zone.toLowerCase()) {
        report({ path: at, message: `write the time zone \`${zone}\` as \`${spelling}\`, as the time zone database spells it` });
      }
    }
  },
);
