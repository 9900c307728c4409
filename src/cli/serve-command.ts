import { serveSite } from '../site/serve.js';
import { registerCleanup } from '../util/cleanup.js';
import { message } from '../messages/message.js';
import { EXIT_OK, say, UsageError, type CliIO } from './io.js';
import { reportFindings } from './report-findings.js';
import { siteOptionsOf, type BuildFlags } from './build-command.js';

export interface ServeFlags extends BuildFlags {
  readonly port: number;
  readonly host: string;
}

/** `charter serve`: build, serve, rebuild on change; runs until interrupted. */
export async function serveCommand(paths: readonly string[], flags: ServeFlags, io: CliIO): Promise<number> {
  if (flags.events?.includes('-')) {
    throw new UsageError(message('cli.serve.events-stdin'));
  }
  const handle = await serveSite({ ...siteOptionsOf(paths, flags, io), port: flags.port, host: flags.host }, (event) => {
    if (event.type === 'built') {
      const { written, pageCount } = event.result;
      say(io, message('cli.serve.rebuilt', { milliseconds: Math.round(event.milliseconds), written, count: pageCount }));
    } else if (event.type === 'indexed') {
      say(io, message('cli.serve.indexed', { milliseconds: Math.round(event.milliseconds) }));
    } else if (event.type === 'invalid') {
      void reportFindings(event.results, 'stylish', io, flags.color).then(() => say(io, message('cli.serve.not-rebuilt')));
    } else {
      say(io, message('cli.serve.still-served', { problem: event.text }));
    }
  });
  // On a signal the command line runs this and exits (cli/signals.ts); callers in-process pass untilInterrupted.
  const unregister = registerCleanup(() => handle.close());
  say(io, message('cli.serve.serving', { url: handle.url }));
  await (io.untilInterrupted ? io.untilInterrupted() : new Promise<void>(() => undefined));
  unregister();
  await handle.close();
  return EXIT_OK;
}
