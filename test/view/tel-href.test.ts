import { describe, expect, it } from 'vitest';
import { telHref } from '../../src/view/charter-view.js';

describe('telHref: a tel: link for a number as people write it', () => {
  it.each([
    ['+358 9 123 4567', 'tel:+35891234567'],
    ['09-123 4567', 'tel:091234567'],
    ['(02) 5550 4100', 'tel:0255504100'],
    ['(01234) 567890', 'tel:01234567890'],
    ['+44 (0)20 7946 0000', 'tel:+442079460000'],
    ['112', 'tel:112'],
    ['116 117', 'tel:116117'],
    ['18001', 'tel:18001'],
    ['+358 9 123 4000 ext. 12', 'tel:+35891234000;ext=12'],
    ['+44 20 7946 0000 x 123', 'tel:+442079460000;ext=123'],
    ['+44 20 7946 0000 x123', 'tel:+442079460000;ext=123'],
    ['+358 9 123 4000, alanumero 12', 'tel:+35891234000;ext=12'],
    ['+358 9 123 4000 ankn. 7', 'tel:+35891234000;ext=7'],
  ])('%s → %s', (written, href) => {
    expect(telHref(written)).toBe(href);
  });

  it.each([['javascript:alert(1)'], ['call 112'], ['+358 9 123 4000 ext. 12; DROP'], ['tel:112'], ['0800 FLOWERS'], [''], ['()'], ['+358 9 123 4000\nx 1']])(
    'refuses %j',
    (hostile) => {
      expect(telHref(hostile)).toBeUndefined();
    },
  );
});
