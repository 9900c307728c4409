import { describe, expect, it } from 'vitest';
import { unitIdFrom } from '../../src/init/unit-id.js';

describe('unitIdFrom', () => {
  it('drops the accents of Finnish and Swedish letters', () => {
    expect(unitIdFrom('Ympäristö- ja rakennuslautakunta', 'x')).toBe('ymparisto-ja-rakennuslautakunta');
    expect(unitIdFrom('Åbo Akademi Öppna universitetet', 'x')).toBe('abo-akademi-oppna-universitetet');
    expect(unitIdFrom('Ääkköset: Öljy & Åland', 'x')).toBe('aakkoset-oljy-aland');
  });

  it('turns every other run of characters into one hyphen, none at either end', () => {
    expect(unitIdFrom('  --Tekninen: "lautakunta" # 2--  ', 'x')).toBe('tekninen-lautakunta-2');
    expect(unitIdFrom("Kirjasto 'Uusi'", 'x')).toBe('kirjasto-uusi');
  });

  it('falls back when nothing is left, and keeps off the names the site reserves', () => {
    expect(unitIdFrom('???', 'asiakaspalvelu')).toBe('asiakaspalvelu');
    expect(unitIdFrom('Справка', 'asiakaspalvelu')).toBe('asiakaspalvelu');
    expect(unitIdFrom('Search', 'x')).toBe('search-unit');
    expect(unitIdFrom('COM1', 'x')).toBe('com1-unit');
  });

  it('cuts long names to the 64 characters an id may have, without a trailing hyphen', () => {
    const id = unitIdFrom(`${'a'.repeat(63)} b`, 'x');
    expect(id).toBe('a'.repeat(63));
    expect(unitIdFrom('word '.repeat(40), 'x').length).toBeLessThanOrEqual(64);
  });
});
