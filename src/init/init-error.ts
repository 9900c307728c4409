import { MessageError } from '../messages/message-error.js';

/** A problem with how `charter init` was called or where it would write: one line, exit 2. */
export class InitError extends MessageError {
  override readonly name = 'InitError';
}
