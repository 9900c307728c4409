import type * as Document from '../schema/generated/charter-document.js';
import type { Contact } from '../model/charter.js';
import { contactById } from '../model/contacts.js';
import { NormalizeProblem } from './read-values.js';
import type { TextReader } from './text-reader.js';

/** A charter's contacts, for resolving the references to them. */
export class ContactBook {
  readonly all: readonly Contact[];

  constructor(contacts: readonly Document.Contact[], texts: TextReader) {
    this.all = contacts.map((contact) => {
      const normalized: Contact = {
        id: contact.id,
        name: texts.read(contact.name),
        ...texts.optional('role', contact.role),
        ...(contact.phone === undefined ? {} : { phone: contact.phone }),
        ...(contact.email === undefined ? {} : { email: contact.email }),
      };
      return normalized;
    });
  }

  /** The contact `id` names; `where` is the key that names it, for the reason when there is none. */
  resolve(id: string, where: string): Contact {
    const contact = contactById(this.all, id);
    if (!contact) throw new NormalizeProblem(`\`${where}\` names \`${id}\`, which is not a contact id in \`contacts\``);
    return contact;
  }

  resolveAll(ids: readonly string[] | undefined, where: string): Contact[] {
    return (ids ?? []).map((id) => this.resolve(id, where));
  }
}
