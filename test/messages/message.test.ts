import { describe, expect, it } from 'vitest';
import { listOf, message, renderMessage } from '../../src/messages/message.js';
import { localeFromEnvironment } from '../../src/messages/locale.js';
import { MessageError, errorText } from '../../src/messages/message-error.js';

describe('renderMessage', () => {
  it('picks the plural form of {count} by the language rules', () => {
    expect(renderMessage(message('rules.review-due.overdue', { next: '2026-01-01', count: 1 }), 'fi')).toContain('1 päivä sitten');
    expect(renderMessage(message('rules.review-due.overdue', { next: '2026-01-01', count: 5 }), 'fi')).toContain('5 päivää sitten');
    expect(renderMessage(message('rules.review-due.overdue', { next: '2026-01-01', count: 1 }), 'en')).toContain('1 day ago');
    expect(renderMessage(message('rules.review-due.overdue', { next: '2026-01-01', count: 2 }), 'sv')).toContain('för 2 dagar sedan');
  });

  it('renders lists with the language’s own word, and nested messages in the same language', () => {
    const list = listOf(['`fi`', '`sv`', '`en`'], 'and');
    expect(renderMessage(message('rules.review-due.approved-in-future', { approved: list }), 'fi')).toBe(
      'hyväksymispäivä `fi`, `sv` ja `en` on tulevaisuudessa',
    );
    expect(renderMessage(message('rules.review-due.approved-in-future', { approved: listOf(['a', 'b'], 'or') }), 'sv')).toBe(
      'godkännandedatumet a eller b ligger i framtiden',
    );
    const nested = message('rules.review-due.approved-in-future', { approved: message('format.list.and') });
    expect(renderMessage(nested, 'sv')).toBe('godkännandedatumet och ligger i framtiden');
  });

  it('writes decimals with a comma in Finnish and Swedish', () => {
    expect(renderMessage(message('rules.review-due.approved-in-future', { approved: 2.5 }), 'fi')).toContain('2,5');
    expect(renderMessage(message('rules.review-due.approved-in-future', { approved: 2.5 }), 'en')).toContain('2.5');
  });

  it('leaves placeholders without a value as written, and never reads inherited properties', () => {
    expect(renderMessage(message('rules.review-due.approved-in-future'), 'en')).toBe('the approval date {approved} is in the future');
    expect(renderMessage(message('rules.review-due.approved-in-future', Object.create({ approved: 'x' }) as Record<string, string>), 'en')).toContain(
      '{approved}',
    );
  });
});

describe('localeFromEnvironment', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, and falls back to English', () => {
    expect(localeFromEnvironment({ LANG: 'fi_FI.UTF-8' })).toBe('fi');
    expect(localeFromEnvironment({ LANG: 'sv_FI.UTF-8' })).toBe('sv');
    expect(localeFromEnvironment({ LANG: 'fi_FI.UTF-8', LC_MESSAGES: 'sv_SE' })).toBe('sv');
    expect(localeFromEnvironment({ LANG: 'fi_FI.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LANG: '', LC_ALL: '' })).toBe('en');
    expect(localeFromEnvironment({})).toBe('en');
  });
});

describe('MessageError', () => {
  it('keeps English as its message and says itself in other languages', () => {
    const error = new MessageError(message('rules.review-due.approved-in-future', { approved: '2030-01-01' }));
    expect(error.message).toBe('the approval date 2030-01-01 is in the future');
    expect(errorText(error, 'fi')).toBe('hyväksymispäivä 2030-01-01 on tulevaisuudessa');
    expect(errorText(new Error('plain'), 'fi')).toBe('plain');
  });
});
