import { spawnSync } from 'node:child_process';

/** Makes `cwd` a git repository whose one commit (dated 2026-10-01) holds every file in it: the approved version. */
export function commitAll(cwd: string): void {
  const git = (...args: string[]) => {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z' };
    const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.fi', ...args], { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'charters');
}
