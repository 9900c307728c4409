import type { AwayRequest, AwayResult } from '../away-types.js';

/** The request and everything composed from it, for scripts. */
export function formatJson(request: AwayRequest, result: AwayResult): string {
  return `${JSON.stringify({ request, ...result }, null, 2)}\n`;
}
