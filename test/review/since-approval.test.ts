import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMessage } from '../../src/messages/message.js';
import { objectReader } from '../../src/review/approval-objects.js';
import { changesSinceApproval, type ApprovalChanges } from '../../src/review/since-approval.js';
import { liveProcesses, tempFolder, writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

/**
 * Real temporary repositories: each step is a commit with its own committer
 * date, so that the approval commit's date can be checked.
 */
class Repository {
  readonly cwd = tempFolder();
  private day = 1;

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    const date = `2026-10-${String(this.day).padStart(2, '0')}T12:00:00Z`;
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.fi'];
    const result = spawnSync('git', [...identity, ...args], { cwd: this.cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** Writes files into the working tree only. */
  write(files: Readonly<Record<string, string>>): this {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.cwd, path)), { recursive: true });
      writeFileSync(join(this.cwd, path), content);
    }
    return this;
  }

  /** Writes and commits files on the next day; the commit's hash. */
  commit(files: Readonly<Record<string, string>> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', 'step');
    this.day++;
    return this.git('rev-parse', 'HEAD');
  }

  /** The date of the last commit made. */
  get lastDate(): string {
    return `2026-10-${String(this.day - 1).padStart(2, '0')}`;
  }

  changes(paths: readonly string[] = []): Promise<Map<string, ApprovalChanges>> {
    return changesSinceApproval(paths, { cwd: this.cwd });
  }
}

const SLOWER = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
const REAPPROVED = edit(SLOWER, 'approved: 2026-09-01', 'approved: 2026-12-01');
const SLOWER_AGAIN = edit(REAPPROVED, 'respond: { within: 10 working days, target: 90% }', 'respond: { within: 20 working days, target: 90% }');

/** The changes of one charter: its kinds and paths, in order. */
function changesOf(result: ApprovalChanges | undefined): string[] {
  return (result?.diff?.changes ?? []).map((change) => `${change.kind} ${change.path.join('.')}`);
}

function said(result: ApprovalChanges | undefined, locale: 'en' | 'fi' | 'sv' = 'en'): string | undefined {
  return result?.unavailable && renderMessage(result.unavailable, locale);
}

describe('changes since the approval, from git', () => {
  it('shows a promise loosened in a commit after the approval', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    const approvalDate = repository.lastDate;
    repository.commit({ 'charters/unit.yaml': SLOWER });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toMatchObject({ approvalCommit: approval, approvalCommitDate: approvalDate, approved: '2026-09-01' });
    expect(result?.unavailable).toBeUndefined();
    expect(result?.diff).toMatchObject({ id: 'test-unit', file: 'charters/unit.yaml', status: 'changed', needsDecision: true });
    expect(changesOf(result)).toEqual(['loosened channels.email.reply.within']);
  });

  it('counts an edit not yet committed', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.write({ 'charters/unit.yaml': SLOWER });
    const result = (await repository.changes(['charters'])).get('test-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(changesOf(result)).toEqual(['loosened channels.email.reply.within']);
  });

  it('finds nothing when nothing changed since the approval, and says nothing is missing', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.commit({ 'README.md': 'unrelated\n' });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toEqual({ approvalCommit: approval, approvalCommitDate: '2026-10-01', approved: '2026-09-01' });
  });

  it('says so of a charter that was never approved, in every language', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': edit(VALID_UNIT, '  approved: 2026-09-01\n', '') });
    const result = (await repository.changes()).get('test-unit');
    expect(result?.approvalCommit).toBeUndefined();
    expect(result?.approved).toBeUndefined();
    expect(result?.diff).toBeUndefined();
    expect(result?.unavailable?.id).toBe('review.since-approval.never-approved');
    expect(said(result)).toContain('no approval date');
    expect(said(result, 'fi')).toContain('hyväksymispäivää');
    expect(said(result, 'sv')).toContain('godkännandedatum');
  });

  it('says so of a charter file not committed yet', async () => {
    const repository = new Repository();
    repository.commit({ 'README.md': 'charters\n' });
    repository.write({ 'charters/unit.yaml': VALID_UNIT });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toMatchObject({ approved: '2026-09-01', unavailable: { id: 'review.since-approval.not-committed' } });
    expect(said(result)).toBe('`charters/unit.yaml` is not committed to git yet, so there is no approved version to compare with');
  });

  it('says so of a charter in a repository without commits', async () => {
    const repository = new Repository();
    repository.write({ 'charters/unit.yaml': VALID_UNIT });
    const result = (await repository.changes()).get('test-unit');
    expect(result?.unavailable?.id).toBe('review.since-approval.not-committed');
  });

  it('says so of an approval written but not committed yet', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': SLOWER });
    repository.write({ 'charters/unit.yaml': REAPPROVED });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toEqual({ approved: '2026-12-01', unavailable: { id: 'review.since-approval.approval-not-committed', values: { approved: '2026-12-01' } } });
  });

  it('says so outside a git repository, without throwing', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    vi.stubEnv('GIT_CEILING_DIRECTORIES', dirname(cwd));
    const result = (await changesSinceApproval([], { cwd })).get('test-unit');
    expect(result).toEqual({ approved: '2026-09-01', unavailable: { id: 'review.since-approval.not-a-repository' } });
  });

  it('says so when git is not on the PATH, without throwing', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    vi.stubEnv('PATH', tempFolder());
    const result = (await repository.changes()).get('test-unit');
    expect(result).toEqual({ approved: '2026-09-01', unavailable: { id: 'review.since-approval.no-git' } });
    expect(said(result, 'fi')).toContain('gitiä ei ole asennettu');
  });

  it('counts the newest recording of an approval that changed twice', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.commit({ 'charters/unit.yaml': SLOWER });
    const second = repository.commit({ 'charters/unit.yaml': REAPPROVED });
    repository.commit({ 'charters/unit.yaml': SLOWER_AGAIN });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toMatchObject({ approvalCommit: second, approvalCommitDate: '2026-10-03', approved: '2026-12-01' });
    expect(changesOf(result)).toEqual(['loosened feedback.respond.within']);
  });

  it('counts the newest recording when the approval went back to an earlier date', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.commit({ 'charters/unit.yaml': REAPPROVED });
    const back = repository.commit({ 'charters/unit.yaml': edit(SLOWER_AGAIN, 'approved: 2026-12-01', 'approved: 2026-09-01') });
    const result = (await repository.changes()).get('test-unit');
    expect(result).toMatchObject({ approvalCommit: back, approved: '2026-09-01' });
    expect(result?.diff).toBeUndefined();
  });

  it('shows a baseline promise loosened after the unit was approved, as the unit’s inherited change', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    repository.commit({
      'charters/_base.yaml': edit(BASELINE, 'respond: { within: 15 working days, target: 90% }', 'respond: { within: 30 working days, target: 90% }'),
    });
    const result = (await repository.changes()).get('small-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(changesOf(result)).toEqual(['loosened feedback.respond.within']);
    expect(result?.diff?.changes[0]?.at?.file).toBe('charters/_base.yaml');
  });

  it('follows a charter file renamed after the approval', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    renameSync(join(repository.cwd, 'charters/unit.yaml'), join(repository.cwd, 'charters/renamed.yaml'));
    repository.commit({ 'charters/renamed.yaml': SLOWER });
    const result = (await repository.changes()).get('test-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(result?.diff).toMatchObject({ file: 'charters/renamed.yaml', oldFile: 'charters/unit.yaml' });
    expect(changesOf(result)).toEqual(['loosened channels.email.reply.within']);
  });

  it('follows an id changed after the approval', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.write({ 'charters/unit.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: new-unit') });
    const result = await repository.changes();
    expect([...result.keys()]).toEqual(['new-unit']);
    expect(result.get('new-unit')?.diff).toMatchObject({ id: 'new-unit', oldId: 'test-unit' });
  });

  it('compares charters approved in different commits each with its own approval', async () => {
    const repository = new Repository();
    const first = repository.commit({ 'charters/a.yaml': VALID_UNIT });
    const other = edit(VALID_UNIT, 'id: test-unit', 'id: other-unit');
    const second = repository.commit({ 'charters/b.yaml': other, 'charters/a.yaml': SLOWER });
    repository.write({
      'charters/b.yaml': edit(other, 'respond: { within: 10 working days, target: 90% }', 'respond: { within: 11 working days, target: 90% }'),
    });
    const result = await repository.changes();
    expect(result.get('test-unit')?.approvalCommit).toBe(first);
    expect(changesOf(result.get('test-unit'))).toEqual(['loosened channels.email.reply.within']);
    expect(result.get('other-unit')?.approvalCommit).toBe(second);
    expect(changesOf(result.get('other-unit'))).toEqual(['loosened feedback.respond.within']);
  });

  it('says so in a shallow clone, where the commit that recorded the approval may be missing', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.commit({ 'charters/unit.yaml': SLOWER });
    const clone = join(tempFolder(), 'clone');
    repository.git('clone', '-q', '--depth', '1', `file://${repository.cwd}`, clone);
    const result = (await changesSinceApproval([], { cwd: clone })).get('test-unit');
    expect(result).toEqual({ approved: '2026-09-01', unavailable: { id: 'review.since-approval.shallow', values: { approved: '2026-09-01' } } });
    expect(said(result, 'sv')).toContain('grund klon');
  });

  it('finds the approval in a shallow clone deep enough to hold it', async () => {
    const repository = new Repository();
    repository.commit({ 'README.md': 'not fetched\n' });
    repository.commit({ 'charters/unit.yaml': SLOWER });
    const second = repository.commit({ 'charters/unit.yaml': REAPPROVED });
    repository.commit({ 'charters/unit.yaml': SLOWER_AGAIN });
    // The oldest commit fetched lacks the current approval: the one after it recorded it.
    const clone = join(tempFolder(), 'clone');
    repository.git('clone', '-q', '--depth', '3', `file://${repository.cwd}`, clone);
    const result = (await changesSinceApproval([], { cwd: clone })).get('test-unit');
    expect(result?.approvalCommit).toBe(second);
    expect(changesOf(result)).toEqual(['loosened feedback.respond.within']);
  });

  it('follows a charter moved with git mv and not committed yet', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/unit.yaml': VALID_UNIT });
    repository.git('mv', 'charters/unit.yaml', 'charters/moved.yaml');
    repository.write({ 'charters/moved.yaml': SLOWER });
    const result = (await repository.changes()).get('test-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(result?.diff).toMatchObject({ file: 'charters/moved.yaml', oldFile: 'charters/unit.yaml' });
  });

  it('starts the history of a charter copied from another where it was copied', async () => {
    const repository = new Repository();
    repository.commit({ 'charters/a.yaml': VALID_UNIT });
    const copied = repository.commit({ 'charters/b.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: copied-unit') });
    const result = (await repository.changes()).get('copied-unit');
    expect(result).toEqual({ approvalCommit: copied, approvalCommitDate: repository.lastDate, approved: '2026-09-01' });
  });

  it('finds an approval written in the baseline in the baseline’s history, for every unit that inherits it', async () => {
    const review = 'review:\n  approved: 2026-09-01\n  every: 12 months\n  next: 2027-09-01\n';
    const unit = (id: string) => edit(edit(EXTENDING_UNIT, 'id: small-unit', `id: ${id}`), review, '');
    const repository = new Repository();
    repository.commit({ 'charters/_base.yaml': BASELINE + review, 'charters/one.yaml': unit('one'), 'charters/two.yaml': unit('two') });
    const approval = repository.commit({ 'charters/_base.yaml': BASELINE + review.replace('2026-09-01', '2026-10-01') });
    repository.commit({ 'charters/two.yaml': edit(unit('two'), 'reply: { within: 3 working days', 'reply: { within: 4 working days') });
    const result = await repository.changes();
    expect(result.get('one')).toEqual({ approvalCommit: approval, approvalCommitDate: '2026-10-02', approved: '2026-10-01' });
    expect(result.get('two')?.approvalCommit).toBe(approval);
    expect(changesOf(result.get('two'))).toEqual(['loosened channels.email.reply.within']);
  });

  it('says so of charters outside the repository', async () => {
    const repository = new Repository();
    repository.commit({ 'README.md': 'elsewhere\n' });
    const outside = writeTree({ 'unit.yaml': VALID_UNIT });
    const result = (await repository.changes([outside])).get('test-unit');
    expect(result?.unavailable?.id).toBe('review.since-approval.outside-repository');
  });

  it('says so of a charter that does not load now, or did not when it was approved', async () => {
    const broken = edit(VALID_UNIT, '  next: 2027-09-01\n', '');
    const now = new Repository();
    now.commit({ 'charters/unit.yaml': VALID_UNIT });
    now.write({ 'charters/unit.yaml': broken });
    expect((await now.changes()).get('test-unit')).toEqual({
      approved: '2026-09-01',
      unavailable: { id: 'review.since-approval.unreadable', values: { file: 'charters/unit.yaml' } },
    });

    const then = new Repository();
    const approval = then.commit({ 'charters/unit.yaml': broken });
    then.commit({ 'charters/unit.yaml': VALID_UNIT });
    const result = (await then.changes()).get('test-unit');
    expect(result).toMatchObject({ approvalCommit: approval, unavailable: { id: 'review.since-approval.approved-version-unreadable' } });
    expect(said(result)).toBe(`the approved version of \`charters/unit.yaml\` (commit ${approval.slice(0, 12)}) does not load, so it cannot be compared`);
  });

  it('says so of an approved version whose baseline was not committed with it', async () => {
    const repository = new Repository();
    const approval = repository.commit({ 'charters/small.yaml': EXTENDING_UNIT });
    repository.commit({ 'charters/_base.yaml': BASELINE });
    const result = (await repository.changes()).get('small-unit');
    expect(result).toMatchObject({ approvalCommit: approval, unavailable: { id: 'review.since-approval.approved-version-unreadable' } });
  });

  it('reads the same with a git too old for `cat-file --batch -z`, one process per object', async () => {
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    const bin = tempFolder();
    const script = `#!/bin/sh\nif [ "$1" = cat-file ] && [ "$2" = --batch ]; then echo "usage: no -z" >&2; exit 129; fi\nexec '${realGit}' "$@"\n`;
    writeFileSync(join(bin, 'git'), script, { mode: 0o755 });
    const repository = new Repository();
    const approval = repository.commit({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    repository.write({
      'charters/_base.yaml': edit(BASELINE, 'respond: { within: 15 working days, target: 90% }', 'respond: { within: 30 working days, target: 90% }'),
    });
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`);
    const result = (await repository.changes()).get('small-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(changesOf(result)).toEqual(['loosened feedback.respond.within']);
  });

  it('never lets a hostile file name reach a shell', async () => {
    const repository = new Repository();
    const name = `-n $(touch pwned) \`touch pwned2\` "q" 'a' [x]\nünï.yaml`;
    const approval = repository.commit({ [`charters/${name}`]: VALID_UNIT });
    repository.write({ [`charters/${name}`]: SLOWER });
    const result = (await repository.changes()).get('test-unit');
    expect(result?.approvalCommit).toBe(approval);
    expect(result?.diff?.file).toBe(`charters/${name}`);
    expect(changesOf(result)).toEqual(['loosened channels.email.reply.within']);
    expect(existsSync(join(repository.cwd, 'pwned')) || existsSync(join(repository.cwd, 'charters', 'pwned'))).toBe(false);
    expect(readdirSync(repository.cwd).sort()).toEqual(['.git', 'charters']);
  });
});

describe('the batch reader of git objects', () => {
  it('tells blobs, folders, missing and too large objects apart, many requests at once, and leaves no process behind', async () => {
    const repository = new Repository();
    const odd = 'charters/line\nbreak "q" missing.yaml';
    const commit = repository.commit({ 'charters/unit.yaml': VALID_UNIT, [odd]: 'odd\n' });
    const reader = objectReader(repository.cwd);
    const requests = Array.from({ length: 40 }, (_, index) => reader.read(`${commit}:charters/unit.yaml`, index % 2 === 0 ? 1_000_000 : 10));
    const [blob, tooLarge] = await Promise.all(requests.slice(0, 2));
    expect(blob).toEqual({ kind: 'blob', bytes: Buffer.from(VALID_UNIT) });
    expect(tooLarge).toEqual({ kind: 'too-large', size: Buffer.byteLength(VALID_UNIT) });
    expect(await reader.read(`${commit}:charters`, 100)).toEqual({ kind: 'other' });
    expect(await reader.read(`${commit}:charters/line\nbreak "q"`, 100)).toBeUndefined();
    expect(await reader.read(`${commit}:${odd}`, 100)).toEqual({ kind: 'blob', bytes: Buffer.from('odd\n') });
    expect((await Promise.all(requests)).filter((found) => found?.kind === 'blob')).toHaveLength(20);
    reader.close();
    await vi.waitFor(() => expect(liveProcesses({ parent: process.pid }).filter((info) => info.command === 'git')).toEqual([]));
    // After closing, a read still answers, by a process of its own.
    expect(await reader.read(`${commit}:charters/unit.yaml`, 1_000_000)).toEqual({ kind: 'blob', bytes: Buffer.from(VALID_UNIT) });
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});
