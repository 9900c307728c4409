/** Public API: the same pipeline the CLI uses, without any console output. */
export { checkCharters, validateCharters, type CheckOptions, type CheckResult, type ValidateChartersOptions } from './check.js';
export { validateCollection, groupByFile, type ValidateOptions } from './validate.js';
export { loadCollection, type CharterFileSystem, type LoadOptions, type LoadedCollection } from './load/load-collection.js';
export { findCharterFiles, InputError } from './load/find-files.js';
export { DEFAULT_LIMITS, type LoadLimits } from './load/limits.js';
export { RULES, allRuleMeta } from './rules/index.js';
export type { Rule, RuleContext, RuleReport } from './rules/rule.js';
export type { Diagnostic, FileResult, Formatter, FormatContext, JsonPath, RuleMeta, Severity } from './model/diagnostic.js';
export type { CharterData, ResolvedCharter } from './model/charter.js';
export { loadFormatter, FORMAT_NAMES, type FormatName } from './format/index.js';
export { run } from './cli/run.js';
export type { CliIO } from './cli/io.js';
export { buildSite, type BuildOptions, type BuildResult } from './site/build.js';
export { serveSite, type ServeOptions, type ServeHandle, type ServeEvent } from './site/serve.js';
export { makeCards, type CardsOptions, type CardsResult } from './cards/make-cards.js';
export { imposeCards } from './cards/impose.js';
export { sheetLayout, CARD_SIZES, type CardSize } from './cards/sheet-layout.js';
