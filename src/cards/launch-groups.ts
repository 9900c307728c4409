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

/** How long a launching browser is given to end on SIGTERM (and remove its temporary files) before it is killed. */
const TERM_GRACE_MS = 1_000;

/**
 * Stops the groups led by children that were not among `before`: what a
 * launch since started. SIGTERM first, so that a Chromium that was about to
 * be ready removes its temporary files; SIGKILL for what is left after a
 * moment (a hanging one, or the children of a wrapper script).
 */
export async function stopNewGroups(before: ReadonlySet<number>): Promise<void> {
  const started = (): number[] => [...childGroupLeaders()].filter((pid) => !before.has(pid));
  signalGroups(started(), 'SIGTERM');
  const deadline = Date.now() + TERM_GRACE_MS;
  while (started().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  signalGroups(started(), 'SIGKILL');
}

function signalGroups(leaders: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of leaders) {
    try {
      process.kill(-pid, signal);
    } catch {
      // Gone already.
    }
  }
}
