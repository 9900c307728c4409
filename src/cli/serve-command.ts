import { serveSite } from '../site/serve.js';
import { registerCleanup } from '../util/cleanup.js';
import { EXIT_OK, UsageError, type CliIO } from './io.js';
import { reportFindings } from './report-findings.js';
import { siteOptionsOf, type BuildFlags } from './build-command.js';

export interface ServeFlags extends BuildFlags {
  readonly port: number;
  readonly host: string;
}

/** `charter serve`: build, serve, rebuild on change; runs until interrupted. */
export async function serveCommand(paths: readonly string[], flags: ServeFlags, io: CliIO): Promise<number> {
  if (flags.events?.includes('-')) {
    throw new UsageError('--events -: charter serve reads the logs again on every rebuild; give log files, not standard input');
  }
  const handle = await serveSite({ ...siteOptionsOf(paths, flags, io), port: flags.port, host: flags.host }, (event) => {
    if (event.type === 'built') {
      io.stderr(`charter: rebuilt in ${Math.round(event.milliseconds)} ms (${event.result.written} of ${event.result.pageCount} pages changed)\n`);
    } else if (event.type === 'indexed') {
      io.stderr(`charter: search index updated in ${Math.round(event.milliseconds)} ms\n`);
    } else if (event.type === 'invalid') {
      void reportFindings(event.results, 'stylish', io, flags.color).then(() => io.stderr('charter: not rebuilt; the last good site is still served\n'));
    } else {
      io.stderr(`charter: ${event.message}; the last good site is still served\n`);
    }
  });
  // On a signal the command line runs this and exits (cli/signals.ts); callers in-process pass untilInterrupted.
  const unregister = registerCleanup(() => handle.close());
  io.stderr(`charter: serving ${handle.url} (Ctrl-C to stop)\n`);
  await (io.untilInterrupted ? io.untilInterrupted() : new Promise<void>(() => undefined));
  unregister();
  await handle.close();
  return EXIT_OK;
}
