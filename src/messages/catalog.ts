import enAway from './catalogs/en/away.json' with { type: 'json' };
import enCli from './catalogs/en/cli.json' with { type: 'json' };
import enDiff from './catalogs/en/diff.json' with { type: 'json' };
import enFormat from './catalogs/en/format.json' with { type: 'json' };
import enHelp from './catalogs/en/help.json' with { type: 'json' };
import enInit from './catalogs/en/init.json' with { type: 'json' };
import enLoad from './catalogs/en/load.json' with { type: 'json' };
import enReport from './catalogs/en/report.json' with { type: 'json' };
import enReview from './catalogs/en/review.json' with { type: 'json' };
import enRules from './catalogs/en/rules.json' with { type: 'json' };
import enSchema from './catalogs/en/schema.json' with { type: 'json' };
import fiAway from './catalogs/fi/away.json' with { type: 'json' };
import fiCli from './catalogs/fi/cli.json' with { type: 'json' };
import fiDiff from './catalogs/fi/diff.json' with { type: 'json' };
import fiFormat from './catalogs/fi/format.json' with { type: 'json' };
import fiHelp from './catalogs/fi/help.json' with { type: 'json' };
import fiInit from './catalogs/fi/init.json' with { type: 'json' };
import fiLoad from './catalogs/fi/load.json' with { type: 'json' };
import fiReport from './catalogs/fi/report.json' with { type: 'json' };
import fiReview from './catalogs/fi/review.json' with { type: 'json' };
import fiRules from './catalogs/fi/rules.json' with { type: 'json' };
import fiSchema from './catalogs/fi/schema.json' with { type: 'json' };
import svAway from './catalogs/sv/away.json' with { type: 'json' };
import svCli from './catalogs/sv/cli.json' with { type: 'json' };
import svDiff from './catalogs/sv/diff.json' with { type: 'json' };
import svFormat from './catalogs/sv/format.json' with { type: 'json' };
import svHelp from './catalogs/sv/help.json' with { type: 'json' };
import svInit from './catalogs/sv/init.json' with { type: 'json' };
import svLoad from './catalogs/sv/load.json' with { type: 'json' };
import svReport from './catalogs/sv/report.json' with { type: 'json' };
import svReview from './catalogs/sv/review.json' with { type: 'json' };
import svRules from './catalogs/sv/rules.json' with { type: 'json' };
import svSchema from './catalogs/sv/schema.json' with { type: 'json' };
import type { MessageLocale } from './locale.js';

/**
 * Every message the command line prints, in fi, sv and en, one file per area
 * and language under catalogs/ (see catalogs/README.md). esbuild bundles them,
 * so nothing is read at start-up. English is the source: its keys are the
 * message ids, and test/messages/catalogs.test.ts fails when another language
 * lacks a key or a placeholder.
 */
type EnglishCatalogs = typeof enAway &
  typeof enCli &
  typeof enDiff &
  typeof enFormat &
  typeof enHelp &
  typeof enInit &
  typeof enLoad &
  typeof enReport &
  typeof enReview &
  typeof enRules &
  typeof enSchema;

/** The id of a message: its key in the English catalogs. */
export type MessageId = Extract<keyof EnglishCatalogs, string>;

/** A message text: one string, or plural forms chosen by the `count` value (Intl.PluralRules categories). */
export type MessageTemplate = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

export type Catalog = Readonly<Record<string, MessageTemplate>>;

/** The catalog files of each language, by area (the file name). */
export const CATALOG_FILES: Readonly<Record<MessageLocale, Readonly<Record<string, Catalog>>>> = {
  en: {
    away: enAway,
    cli: enCli,
    diff: enDiff,
    format: enFormat,
    help: enHelp,
    init: enInit,
    load: enLoad,
    report: enReport,
    review: enReview,
    rules: enRules,
    schema: enSchema,
  },
  fi: {
    away: fiAway,
    cli: fiCli,
    diff: fiDiff,
    format: fiFormat,
    help: fiHelp,
    init: fiInit,
    load: fiLoad,
    report: fiReport,
    review: fiReview,
    rules: fiRules,
    schema: fiSchema,
  },
  sv: {
    away: svAway,
    cli: svCli,
    diff: svDiff,
    format: svFormat,
    help: svHelp,
    init: svInit,
    load: svLoad,
    report: svReport,
    review: svReview,
    rules: svRules,
    schema: svSchema,
  },
};

const MERGED = new Map<MessageLocale, Catalog>();

/** One language's messages, all areas together. */
export function catalogOf(locale: MessageLocale): Catalog {
  let catalog = MERGED.get(locale);
  if (!catalog) {
    catalog = Object.assign({}, ...Object.values(CATALOG_FILES[locale])) as Catalog;
    MERGED.set(locale, catalog);
  }
  return catalog;
}
