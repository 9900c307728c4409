import { jsonText } from '../../util/json-text.js';
import type { AwayRequest, AwayResult } from '../away-types.js';

/** The request and everything composed from it, for scripts. */
export function formatJson(request: AwayRequest, result: AwayResult): string {
  // As the other JSON outputs: the request holds what was typed, overrides too, and must not drive a terminal.
  return jsonText({ request, ...result });
}
