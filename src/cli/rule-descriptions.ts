import type { MessageId } from '../messages/catalog.js';
import { message, type MessageRef } from '../messages/message.js';
import type { RuleMeta } from '../model/diagnostic.js';

/**
 * What each check is, for `charter rules`, in the user's language. The rules
 * keep their English description (SARIF's rule metadata); this map gives the
 * same in fi, sv and en, and test/cli/rules-command.test.ts fails when a rule
 * has no entry here.
 */
export const RULE_DESCRIPTIONS: Readonly<Record<string, MessageId>> = {
  'valid-date': 'cli.rule-description.valid-date',
  'valid-timezone': 'cli.rule-description.valid-timezone',
  'valid-holidays': 'cli.rule-description.valid-holidays',
  'reference-exists': 'cli.rule-description.reference-exists',
  'unique-ids': 'cli.rule-description.unique-ids',
  'distinct-variants': 'cli.rule-description.distinct-variants',
  'languages-complete': 'cli.rule-description.languages-complete',
  'languages-published': 'cli.rule-description.languages-published',
  'text-translated': 'cli.rule-description.text-translated',
  'languages-consistent': 'cli.rule-description.languages-consistent',
  'no-weaker-than-baseline': 'cli.rule-description.no-weaker-than-baseline',
  'review-due': 'cli.rule-description.review-due',
  'opening-hours': 'cli.rule-description.opening-hours',
  'out-of-office-placeholders': 'cli.rule-description.out-of-office-placeholders',
  'greeting-placeholders': 'cli.rule-description.greeting-placeholders',
  'implausible-promise': 'cli.rule-description.implausible-promise',
  'file-read': 'cli.rule-description.file-read',
  'file-encoding': 'cli.rule-description.file-encoding',
  'control-character': 'cli.rule-description.control-character',
  'yaml-syntax': 'cli.rule-description.yaml-syntax',
  'duplicate-key': 'cli.rule-description.duplicate-key',
  'yaml-limits': 'cli.rule-description.yaml-limits',
  'forbidden-key': 'cli.rule-description.forbidden-key',
  'extends-resolve': 'cli.rule-description.extends-resolve',
  schema: 'cli.rule-description.schema',
  'internal-error': 'cli.rule-description.internal-error',
  'card-fit': 'cli.rule-description.card-fit',
};

/** A rule's description as a message; a rule missing from the map keeps its English words. */
export function ruleDescription(rule: RuleMeta): MessageRef | string {
  const id = Object.hasOwn(RULE_DESCRIPTIONS, rule.id) ? RULE_DESCRIPTIONS[rule.id] : undefined;
  return id === undefined ? rule.description : message(id);
}
