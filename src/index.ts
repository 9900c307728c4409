/** Public API: the same pipeline the CLI uses, without any console output. */
export { checkCharters, validateCharters, type CheckOptions, type CheckResult, type ValidateChartersOptions } from './check.js';
export { validateCollection, groupByFile, type ValidateOptions } from './validate.js';
export { loadCollection, type CharterFileSystem, type LoadOptions, type LoadedCollection } from './load/load-collection.js';
export { findCharterFiles, InputError } from './load/find-files.js';
export { DEFAULT_LIMITS, type LoadLimits } from './load/limits.js';
export { RULES, allRuleMeta } from './rules/index.js';
export type { Rule, RuleContext, RuleReport } from './rules/rule.js';
export type { Diagnostic, FileResult, Formatter, FormatContext, JsonPath, RuleMeta, Severity } from './model/diagnostic.js';
export type { CharterData } from './model/charter-data.js';
export type { ResolvedCharter } from './load/resolved-charter.js';
export { loadFormatter, FORMAT_NAMES, type FormatName } from './format/index.js';
export { run } from './cli/run.js';
export type { CliIO } from './cli/io.js';
export { buildSite, type BuildOptions, type BuildResult } from './site/build.js';
export { serveSite, type ServeOptions, type ServeHandle, type ServeEvent } from './site/serve.js';
export { makeCards, type CardsOptions, type CardsResult } from './cards/make-cards.js';
export { makeReviewPack, REVIEW_FORMATS, type ReviewFormat, type ReviewPackOptions, type ReviewPackResult } from './review/review-pack.js';
export { siteReviews } from './review/review-inputs.js';
export { imposeCards } from './cards/impose.js';
export { sheetLayout, CARD_SIZES, type CardSize } from './cards/sheet-layout.js';
export {
  makeComplianceReport,
  measureCompliance,
  measureCompliancePeriods,
  type MeasureOptions,
  type ReportPeriod,
  type ReportOptions,
  type ReportResult,
} from './report/make-report.js';
export { LogReadings } from './report/log-readings.js';
export { CsvParser } from './report/csv.js';
export { readLog, LogFileError, LOG_FIELDS, type LogRow } from './report/log-reader.js';
export type * from './model/compliance-report.js';
export { WorkingCalendar, type WorkingCalendarOptions } from './time/working-calendar.js';
export type * from './model/charter.js';
export { normalizeCharter, type NormalizeResult, type UnnormalizedUnit } from './normalize/normalize-charter.js';
export { normalizeUnits, type NormalizedUnits } from './normalize/normalize-collection.js';
export { textIn } from './model/charter-text.js';
export { contactById } from './model/contacts.js';
export {
  promisesOf,
  writtenPromisesOf,
  placeKey,
  LINE_PROMISES,
  type CharterPromise,
  type PromisePlace,
  type PromiseMeasure,
  type WrittenPromise,
} from './model/commitments.js';
export { reviewStatus, REVIEW_WARNING_DAYS, type ReviewState, type ReviewStatus } from './model/review-status.js';
export { currentReviewer, type CurrentReviewer } from './model/review-rota.js';
export type { CharterDocument } from './schema/generated/charter-document.js';
