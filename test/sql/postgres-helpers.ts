import { spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { QueryRow } from './duckdb-helpers.js';

/** Where Debian's `postgresql` package puts the server's programs (not on PATH). */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The programs a throwaway cluster needs. */
export interface PostgresPrograms {
  readonly initdb: string;
  readonly pgCtl: string;
  readonly psql: string;
}

/** The first folder of PATH, then of /usr/lib/postgresql/<newest version>/bin, that has initdb and pg_ctl; psql beside them or on PATH. */
export function findPostgres(): PostgresPrograms | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(DEBIAN_ROOT, version, 'bin'))
    : [];
  const server = [...onPath, ...versions].find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')));
  if (server === undefined) return undefined;
  const psqlFolder = [server, ...onPath, ...versions].find((folder) => existsSync(join(folder, 'psql')));
  if (psqlFolder === undefined) return undefined;
  return { initdb: join(server, 'initdb'), pgCtl: join(server, 'pg_ctl'), psql: join(psqlFolder, 'psql') };
}

/** The account the server runs as when the tests run as root: initdb and postgres refuse root. */
const UNPRIVILEGED = 'nobody';

/** Runs a program, as UNPRIVILEGED when this process is root; throws with its output when it fails. */
function run(program: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; asServer?: boolean } = {}): string {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = options.asServer === true && asRoot ? ['runuser', ['-u', UNPRIVILEGED, '--', program, ...args]] : [program, args];
  const result = spawnSync(command, commandArgs, {
    encoding: 'utf8',
    input: options.input ?? '',
    env: options.env ?? process.env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0)
    throw new Error(`${[command, ...commandArgs].join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The uid and gid of an account, from /etc/passwd. */
function accountIds(name: string): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (line === undefined) throw new Error(`no account ${name} in /etc/passwd to run PostgreSQL as`);
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}

/**
 * A PostgreSQL cluster of its own in a temporary folder: reached only through
 * a Unix socket in that folder (no TCP port, so it clashes with no other
 * server), stopped and removed by `stop`.
 */
export class TemporaryCluster {
  private constructor(
    private readonly programs: PostgresPrograms,
    private readonly folder: string,
  ) {}

  private get data(): string {
    return join(this.folder, 'data');
  }

  /** A new cluster, started; nothing is left behind if starting fails. */
  static start(programs: PostgresPrograms): TemporaryCluster {
    const folder = mkdtempSync(join(tmpdir(), 'charter-pg-'));
    const cluster = new TemporaryCluster(programs, folder);
    try {
      if (process.getuid?.() === 0) chownSync(folder, ...accountIds(UNPRIVILEGED));
      run(programs.initdb, ['-D', cluster.data, '-U', 'charter', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
        asServer: true,
      });
      appendFileSync(
        join(cluster.data, 'postgresql.conf'),
        [
          `listen_addresses = ''`,
          `unix_socket_directories = '${folder}'`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          // No statistics on the freshly loaded log, as for someone who loads it and queries at once: the plan must hold up without them.
          'autovacuum = off',
          '',
        ].join('\n'),
      );
      run(programs.pgCtl, ['start', '-D', cluster.data, '-l', join(folder, 'server.log'), '-w', '-t', '30'], { asServer: true });
      return cluster;
    } catch (error) {
      cluster.stop();
      throw error;
    }
  }

  /** Stops the server (if it runs) and removes its folder. */
  stop(): void {
    const pidFile = join(this.data, 'postmaster.pid');
    try {
      if (existsSync(pidFile)) {
        try {
          run(this.programs.pgCtl, ['stop', '-D', this.data, '-m', 'immediate', '-w', '-t', '30'], { asServer: true });
        } catch (error) {
          // A server that would not stop is ended by its id, so that none is left running.
          const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
          if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
          throw error;
        }
      }
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
    }
  }

  /** Runs SQL through psql; its standard output. The session's time zone is far from the offices', so that no figure can depend on it. */
  psql(sql: string): string {
    return run(this.programs.psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', this.folder, '-U', 'charter', '-d', 'postgres', '-f', '-'], {
      input: sql,
      env: { ...process.env, PGTZ: 'Pacific/Chatham', PGOPTIONS: '', PGPASSWORD: '' },
    });
  }
}

/** A path inside a psql \copy command. */
function quotedPath(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

/** The dimension as loaded: its SQL whole, or its CREATE TABLE (and indexes) and then its CSV, as the README loads it. */
export type PostgresCalendar = { readonly sql: string } | { readonly sql: string; readonly csv: string };

/**
 * Loads the dimension and a log (CSV, all text, as table `contacts`) into a
 * cluster and runs the query there; the query's rows.
 */
export function runInPostgres(cluster: TemporaryCluster, calendar: PostgresCalendar, query: string, logCsv: string): QueryRow[] {
  load(cluster, calendar, logCsv);
  const body = query.trimEnd().replace(/;$/, '');
  // FORCE_QUOTE quotes every value that is not NULL, so that NULL and '' stay apart.
  return parseRows(cluster.psql(`COPY (${body}\n) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *);\n`));
}

/**
 * The most rows any step of the query's plan looked at (the rows it gave and
 * those its filters threw away, over all its loops): a plan that pairs each
 * contact with every calendar day looks at rows × days.
 */
export function largestStepInPostgres(cluster: TemporaryCluster, query: string): number {
  const body = query.trimEnd().replace(/;$/, '');
  const plan = JSON.parse(cluster.psql(`\\pset format unaligned\n\\pset tuples_only on\nEXPLAIN (ANALYZE, FORMAT JSON)\n${body};\n`)) as { Plan: PlanStep }[];
  return Math.max(...plan.map((entry) => largestStep(entry.Plan)));
}

interface PlanStep {
  readonly 'Actual Rows'?: number;
  readonly 'Actual Loops'?: number;
  readonly 'Rows Removed by Filter'?: number;
  readonly 'Rows Removed by Join Filter'?: number;
  readonly Plans?: readonly PlanStep[];
}

function largestStep(step: PlanStep): number {
  // PostgreSQL gives a step's rows per loop.
  const looked =
    ((step['Actual Rows'] ?? 0) + (step['Rows Removed by Filter'] ?? 0) + (step['Rows Removed by Join Filter'] ?? 0)) * (step['Actual Loops'] ?? 1);
  return Math.max(looked, ...(step.Plans ?? []).map(largestStep));
}

function load(cluster: TemporaryCluster, calendar: PostgresCalendar, logCsv: string): void {
  const header = (readFileSync(logCsv, 'utf8').split(/\r?\n/, 1)[0] ?? '').split(',').map((name) => name.trim());
  const optional = ['line', 'group', 'service', 'outcome'].map((name) => (header.includes(name) ? `"${name}"` : `CAST(NULL AS TEXT) AS "${name}"`));
  const statements = ['DROP TABLE IF EXISTS contacts;', 'DROP TABLE IF EXISTS log;'];
  if ('csv' in calendar) {
    const folder = mkdtempSync(join(tmpdir(), 'charter-pg-csv-'));
    try {
      const file = join(folder, 'charter-calendar.csv');
      writeFileSync(file, calendar.csv);
      const create = calendar.sql.slice(0, calendar.sql.indexOf('\nINSERT INTO '));
      const table = /CREATE TABLE (\w+)/.exec(create)?.[1] ?? 'charter_calendar';
      cluster.psql(`${create}\n\\copy ${table} FROM ${quotedPath(file)} WITH (FORMAT csv, HEADER true)\n`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } else cluster.psql(calendar.sql);
  statements.push(
    `CREATE TABLE log (${header.map((name) => `"${name.replaceAll('"', '""')}" TEXT`).join(', ')});`,
    `\\copy log FROM ${quotedPath(logCsv)} WITH (FORMAT csv, HEADER true)`,
    `CREATE TABLE contacts AS SELECT charter, channel, commitment, "start", "end", ${optional.join(', ')} FROM log;`,
  );
  cluster.psql(`${statements.join('\n')}\n`);
}

/** The query's rows from COPY's CSV, NULL (unquoted and empty) apart from '' (quoted). */
function parseRows(csv: string): QueryRow[] {
  const records = parseCsv(csv);
  const names = (records.shift() ?? []).map((field) => field ?? '');
  return records.map((fields) => {
    const row = Object.fromEntries(names.map((name, index) => [name, fields[index] ?? null]));
    const text = (name: string): string => {
      const value = row[name];
      if (typeof value !== 'string') throw new Error(`expected text in ${name}, got NULL`);
      return value;
    };
    const number = (name: string): number | null => (row[name] === null || row[name] === undefined ? null : Number(row[name]));
    return {
      charter: text('charter'),
      unit_name: text('unit_name'),
      channel: text('channel'),
      line: row.line ?? null,
      commitment: text('commitment'),
      customer_groups: text('customer_groups'),
      service: row.service ?? null,
      measure: text('measure'),
      month: text('month'),
      count: Number(text('count')),
      met: Number(text('met')),
      missed: Number(text('missed')),
      pending: Number(text('pending')),
      share_met: number('share_met'),
      mean: number('mean'),
      abandoned_share: number('abandoned_share'),
      status: text('status'),
    };
  });
}

/** RFC 4180 records; a field is null where it was empty and unquoted. */
function parseCsv(csv: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let fields: (string | null)[] = [];
  let at = 0;
  while (at < csv.length) {
    let field: string | null;
    if (csv[at] === '"') {
      let value = '';
      at++;
      for (;;) {
        const quote = csv.indexOf('"', at);
        if (quote < 0) throw new Error('unterminated quoted field in the query output');
        value += csv.slice(at, quote);
        at = quote + 1;
        if (csv[at] !== '"') break;
        value += '"';
        at++;
      }
      field = value;
    } else {
      const end = csv.slice(at).search(/[,\n]/);
      const raw = end < 0 ? csv.slice(at) : csv.slice(at, at + end);
      at += raw.length;
      field = raw === '' ? null : raw;
    }
    fields.push(field);
    if (csv[at] === ',') at++;
    else {
      if (csv[at] === '\r') at++;
      at++;
      records.push(fields);
      fields = [];
    }
  }
  return records;
}
