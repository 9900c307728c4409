import type { Contact } from './charter.js';

/**
 * The contact with this id: the first one, when a list repeats an id (as the
 * site, the rota and the report have always read it). The one contact lookup
 * of the code base: the normalize stage resolves references with it.
 */
export function contactById(contacts: readonly Contact[], id: string): Contact | undefined {
  return contacts.find((contact) => contact.id === id);
}
