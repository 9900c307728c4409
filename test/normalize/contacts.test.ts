import { describe, expect, it } from 'vitest';
import { contactById } from '../../src/model/contacts.js';
import { ContactBook } from '../../src/normalize/contact-book.js';
import { TextReader } from '../../src/normalize/text-reader.js';

const texts = new TextReader(['fi', 'en']);

describe('contact lookup', () => {
  const book = new ContactBook(
    [
      { id: 'head', name: 'Liisa Esimerkki', email: 'liisa@example.fi' },
      { id: 'switchboard', name: { fi: 'Vaihde', en: 'Switchboard' }, role: { fi: 'Vaihde', en: 'Operator' }, phone: '+358 9 123 4000' },
      { id: 'head', name: 'Someone Else' },
    ],
    texts,
  );

  it('keeps every contact in order, with its texts as language maps', () => {
    expect(book.all.map((contact) => contact.id)).toEqual(['head', 'switchboard', 'head']);
    expect(book.all[1]).toMatchObject({ phone: '+358 9 123 4000', role: { byLanguage: { en: { text: 'Operator', lang: 'en' } } } });
    expect(book.all[0]).not.toHaveProperty('role');
  });

  it('resolves an id to the first contact that has it', () => {
    expect(book.resolve('head', 'owner')).toBe(book.all[0]);
    expect(contactById(book.all, 'head')).toBe(book.all[0]);
    expect(book.resolveAll(['switchboard', 'head'], 'review.rota')).toEqual([book.all[1], book.all[0]]);
    expect(book.resolveAll(undefined, 'absence.notify')).toEqual([]);
  });

  it('names the key whose reference does not resolve', () => {
    expect(contactById(book.all, 'ghost')).toBeUndefined();
    expect(() => book.resolve('ghost', 'feedback.escalateTo')).toThrow('`feedback.escalateTo` names `ghost`, which is not a contact id in `contacts`');
  });
});
