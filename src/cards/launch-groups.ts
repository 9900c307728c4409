import { readdirSync, readFileSync } from 'node:fs';

/**
 * The process groups led by this process's children. Playwright starts
 * Chromium detached, as the leader of a group of its own, but kills it only
 * once the launch has failed its own way: a browser that hangs while starting
 * (and any child it made, which keeps the pipes open) is ours to kill. Read
 * from /proc, synchronously, so a signal handler can use it; elsewhere none.
 */
export function childGroupLeaders(): Set<number> {
  const leaders = new Set<number>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return leaders;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After the command name in parentheses (which may hold anything): state, parent, group.
    const [, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    if (Number(parent) === process.pid && Number(group) === pid) leaders.add(pid);
  }
  return leaders;
}

/** Kills the groups led by children that were not among `before`: what a launch since started. */
export function killNewGroups(before: ReadonlySet<number>): void {
  for (const pid of childGroupLeaders()) {
    if (before.has(pid)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
