import { InputError } from '../load/find-files.js';
import { message } from '../messages/message.js';

/**
 * The path a site is served under, as `--base` gives it: `/intranet/charters`
 * becomes `/intranet/charters/`. Only plain path segments are allowed (letters,
 * digits, `-`, `_`, `.`, `~`), so the value can go into every link unescaped;
 * `.` and `..` segments are refused.
 */
export function normalizeBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '/') return '/';
  const segments = base.split('/').filter((segment) => segment !== '');
  const valid = base.startsWith('/') && segments.every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== '.' && segment !== '..');
  if (!valid) throw new InputError(message('cli.base.invalid', { base }));
  return `/${segments.join('/')}/`;
}
