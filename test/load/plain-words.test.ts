import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { diagnosticMessage } from '../../src/model/diagnostic.js';
import { renderMessage } from '../../src/messages/message.js';
import { BROKEN_CHARTERS, KORSHOLM, LIBRARY } from '../fixtures/broken-charters.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { diagnosticsFor, runCli, writeTree } from '../helpers.js';

/** The rule ids of findings made while loading a file. */
const LOAD_RULES = new Set([
  'yaml-syntax',
  'duplicate-key',
  'file-encoding',
  'extends-resolve',
  'control-character',
  'yaml-limits',
  'forbidden-key',
  'file-read',
]);

function loadFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => LOAD_RULES.has(diagnostic.ruleId));
}

describe('YAML mistakes in plain words, at the text to fix', () => {
  it('the library charter and its baseline load without a loader finding', async () => {
    expect(loadFindings(await diagnosticsFor({ '_korsholm.yaml': KORSHOLM, 'paakirjasto.yaml': LIBRARY }))).toEqual([]);
  });

  it.each(Object.entries(BROKEN_CHARTERS))('%s', async (_name, each) => {
    const diagnostics = loadFindings(await diagnosticsFor({ '_korsholm.yaml': KORSHOLM, 'paakirjasto.yaml': each.text }));
    expect(diagnostics, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
    const [diagnostic] = diagnostics as [Diagnostic];
    expect(diagnostic).toMatchObject({ ruleId: each.ruleId, file: 'charters/paakirjasto.yaml', line: each.line, column: each.column, message: each.en });
    expect(diagnostic.text?.id).toBe(each.id);
    expect(diagnosticMessage(diagnostic, 'fi')).toBe(each.fi);
    expect(diagnosticMessage(diagnostic, 'sv')).not.toBe(each.en);
  });

  it('explains a mistake in Finnish under LANG=fi_FI.UTF-8, and in Swedish with --locale sv', async () => {
    const each = BROKEN_CHARTERS['a Finnish text with `: `'];
    const cwd = writeTree({ 'charters/_korsholm.yaml': KORSHOLM, 'charters/paakirjasto.yaml': each?.text ?? '' });
    const finnish = await runCli(['validate', '--today', '2026-11-23'], cwd, { LANG: 'fi_FI.UTF-8' });
    expect(finnish.code).toBe(1);
    expect(finnish.stdout).toContain('9:9');
    expect(finnish.stdout).toContain('laita tämä teksti lainausmerkkeihin: `"Palvelemme: ma–pe 9–16"`');
    const swedish = await runCli(['validate', '--today', '2026-11-23', '--locale', 'sv'], cwd, { LANG: 'fi_FI.UTF-8' });
    expect(swedish.stdout).toContain('sätt texten inom citattecken: `"Palvelemme: ma–pe 9–16"`');
    const json = await runCli(['validate', '--today', '2026-11-23', '--format', 'json'], cwd, { LANG: 'fi_FI.UTF-8' });
    expect(json.stdout).toContain('"ruleId": "yaml-syntax"');
  });

  it('keeps texts that are really keys or values: language codes without a text are the rules’ to report', async () => {
    const text = edit(VALID_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, en }');
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    expect(loadFindings(diagnostics)).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it('says a URL without a value in `{ }` is a key without a value, not a colon without a space', async () => {
    const text = edit(VALID_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, en: Test Unit, https://example.fi }');
    const diagnostics = loadFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics.map((diagnostic) => diagnostic.text?.id)).toEqual(['load.yaml.quote-comma']);
    expect(diagnostics[0]?.message).toContain('`"Test Unit, https://example.fi"`');
  });
});

describe('did you mean, for a missing `extends` baseline', () => {
  it('suggests a file beside it in the folder of the target, written as the charter writes it', async () => {
    const unit = LIBRARY.replace('extends: _korsholm.yaml', 'extends: ../_korsolm.yaml');
    const [diagnostic] = loadFindings(await diagnosticsFor({ '_korsholm.yaml': KORSHOLM, 'kirjastot/paakirjasto.yaml': unit }));
    expect(diagnostic?.text?.id).toBe('load.extends.missing-did-you-mean');
    expect(diagnostic?.message).toMatch(/did you mean `\.\.\/_korsholm\.yaml`\?$/);
  });

  it('never lists a folder outside the charters folder', async () => {
    const cwd = writeTree({
      '_korsholm.yaml': KORSHOLM,
      'charters/paakirjasto.yaml': LIBRARY.replace('extends: _korsholm.yaml', 'extends: ../_korsolm.yaml'),
    });
    const { results } = await checkCharters({ cwd, today: '2026-11-23', patterns: ['charters'] });
    const [diagnostic] = loadFindings(results.flatMap((result) => result.diagnostics));
    expect(diagnostic?.text?.id).toBe('load.extends.missing');
    expect(diagnostic?.message).not.toContain('did you mean');
  });

  it('suggests nothing when no name is close, and never the file itself', async () => {
    const unit = LIBRARY.replace('extends: _korsholm.yaml', 'extends: paakirjast.yaml');
    const [diagnostic] = loadFindings(await diagnosticsFor({ '_korsholm.yaml': KORSHOLM, 'paakirjasto.yaml': unit }));
    expect(diagnostic?.text?.id).toBe('load.extends.missing');
  });
});

/** More loader findings than the plain-words table: encodings, limits, `extends` and refused YAML. */
const MORE_BROKEN: Readonly<Record<string, string | Uint8Array>> = {
  'latin1.yaml': Buffer.from(edit(LIBRARY, 'Pääkirjasto', 'P\u00e4\u00e4kirjasto'), 'latin1'),
  'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LIBRARY, 'utf16le')]),
  'utf16-no-mark.yaml': Buffer.from(LIBRARY, 'utf16le'),
  'mac.yaml': LIBRARY.replace(/\n/g, '\r'),
  'list.yaml': '- charter: 1\n',
  'empty.yaml': '# tyhjä\n',
  'proto.yaml': edit(LIBRARY, 'unit:\n', 'unit:\n  __proto__: { polluted: true }\n'),
  'tag.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: !!str johtaja'),
  'merge.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: johtaja\n<<: { id: x }'),
  'alias.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: *johtaja'),
  'alias-key.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: &j johtaja\n*j : x'),
  'null-key.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: johtaja\n~: x'),
  'escape.yaml': edit(LIBRARY, 'Lainaa, palauta', '"Lainaa,\\e palauta"'),
  'deep.yaml': `charter: 1\nid: syva\nunit: ${'['.repeat(60)}${']'.repeat(60)}\n`,
  'nested.yaml': `charter: 1\nid: sisakkainen\nunit: ${'['.repeat(400)}\n`,
  'absolute.yaml': edit(LIBRARY, 'extends: _korsholm.yaml', 'extends: /etc/_korsholm.yaml'),
  'missing.yaml': edit(LIBRARY, 'extends: _korsholm.yaml', 'extends: _tuntematon.yaml'),
  'outside.yaml': edit(LIBRARY, 'extends: _korsholm.yaml', 'extends: ../_ulkona.yaml'),
  '_kehä-a.yaml': 'charter: 1\nextends: _kehä-b.yaml\n',
  '_kehä-b.yaml': 'charter: 1\nextends: _kehä-a.yaml\n',
  'directive.yaml': `%YAML 1.2\n%YAML 1.2\n---\n${LIBRARY}`,
  'two.yaml': `${LIBRARY}---\ncharter: 1\n`,
  'comment.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: "johtaja"# kommentti'),
  'flow-unclosed.yaml': edit(LIBRARY, 'languages: [fi, sv]', 'languages: [fi, sv'),
  'extra-comma.yaml': edit(LIBRARY, 'languages: [fi, sv]', 'languages: [fi,, sv]'),
  'no-colon.yaml': edit(LIBRARY, 'owner: johtaja', 'owner: johtaja\n  Lehtisali'),
  'key-no-value.yaml': edit(LIBRARY, 'name: { fi: Pääkirjasto, sv: Huvudbiblioteket }', 'name: { Pääkirjasto, fi: x, sv: y }'),
  'huge.yaml': `${LIBRARY}# ${'x'.repeat(1024 * 1024)}\n`,
  'block-text.yaml': edit(LIBRARY, '    fi: Lainaa, palauta ja kysy kirjastonhoitajalta.', '    fi: |\n        Lainaa\n      palauta'),
};

describe('every loader finding in Finnish and Swedish', () => {
  it('a corpus of broken files gives findings that all have a message in fi and sv, not English', async () => {
    const files: Record<string, string | Uint8Array> = { '_ulkona.yaml': KORSHOLM, 'charters/_korsholm.yaml': KORSHOLM };
    for (const [name, each] of Object.entries(BROKEN_CHARTERS)) files[`charters/${name.replace(/[^a-z]+/gi, '-')}.yaml`] = each.text;
    for (const [name, content] of Object.entries(MORE_BROKEN)) files[`charters/${name}`] = content;
    const cwd = writeTree(files);
    symlinkSync(join(cwd, '_ulkona.yaml'), join(cwd, 'charters/linkki.yaml'));
    const { results } = await checkCharters({ cwd, today: '2026-11-23', patterns: ['charters'] });
    const findings = loadFindings(results.flatMap((result) => result.diagnostics));
    const seen = new Set(findings.map((finding) => finding.text?.id));
    // The corpus reaches every kind of loader finding that a file can make.
    expect([...new Set(findings.map((finding) => finding.ruleId))].sort()).toEqual([...LOAD_RULES].sort());
    expect(seen.size).toBeGreaterThan(35);
    for (const finding of findings) {
      expect(finding.text, `${finding.file}: ${finding.message}`).toBeDefined();
      if (!finding.text) continue;
      const english = renderMessage(finding.text, 'en');
      expect(english).toBe(finding.message);
      for (const locale of ['fi', 'sv'] as const) {
        const translated = renderMessage(finding.text, locale);
        expect(translated, `${locale}: ${finding.text.id}`).not.toBe(english);
        expect(translated, `${locale}: ${finding.text.id}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
