import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates } from '../../src/render/templates.js';

const builtIn = fileURLToPath(new URL('../../templates', import.meta.url));

describe('loading templates again (charter serve does on every rebuild)', () => {
  it('gives the compiled set again while no template changed, and a new one once one does', async () => {
    const overrides = mkdtempSync(join(tmpdir(), 'charter-templates-'));
    cpSync(join(builtIn, 'pages', 'accessibility.hbs'), join(overrides, 'pages', 'accessibility.hbs'), { recursive: true });
    const first = await loadTemplates({ builtIn, overrides });
    const again = await loadTemplates({ builtIn, overrides });
    expect(again).toBe(first);
    expect(again.signature).toBe(first.signature);

    writeFileSync(join(overrides, 'pages', 'accessibility.hbs'), '<p>{{kind}} changed</p>');
    const changed = await loadTemplates({ builtIn, overrides });
    expect(changed).not.toBe(first);
    expect(changed.signature).not.toBe(first.signature);
    expect(changed.render({ kind: 'accessibility' } as never)).toBe('<p>accessibility changed</p>');
  });

  it('reports a syntax error every time, not only on the first load', async () => {
    const overrides = mkdtempSync(join(tmpdir(), 'charter-templates-'));
    cpSync(join(builtIn, 'pages', 'home.hbs'), join(overrides, 'pages', 'home.hbs'), { recursive: true });
    writeFileSync(join(overrides, 'pages', 'home.hbs'), '{{#if}}');
    await expect(loadTemplates({ builtIn, overrides })).rejects.toThrow(/home\.hbs/);
    await expect(loadTemplates({ builtIn, overrides })).rejects.toThrow(/home\.hbs/);
  });
});
