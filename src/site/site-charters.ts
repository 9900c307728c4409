import type { CheckResult } from '../check.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Charter, Contact } from '../model/charter.js';
import { contactById } from '../model/contacts.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { internalError } from '../model/internal-error.js';
import { message } from '../messages/message.js';
import { byId, type SiteCharters } from '../view/site-plan.js';

/** A checked collection as the views need it: its units normalized, each with the file it came from. */
export interface NormalizedCollection extends SiteCharters {
  /** The units, by id. */
  readonly units: readonly Charter[];
  /** The loaded charter a unit was made from: for positions in its files, and its data as written. */
  readonly resolvedOf: (unit: Charter) => ResolvedCharter;
  /**
   * Units that did not normalize, as internal errors of their files: after a
   * check without errors every unit normalizes, so one that does not is a
   * gap in the checks, never something to leave out of the site in silence.
   */
  readonly problems: readonly Diagnostic[];
}

/**
 * The normalized units of a collection that passed its check. (Under
 * `charter serve` the check's normalize cache keeps the `Charter` of a unit
 * whose files did not change, and so its cached views.)
 */
export function normalizeCollection(checked: Pick<CheckResult, 'collection' | 'charters' | 'unnormalized'>): NormalizedCollection {
  const loaded = new Map(checked.collection.charters.map((charter) => [charter.file, charter]));
  const resolved = new Map<Charter, ResolvedCharter>();
  const units: Charter[] = [];
  for (const unit of checked.charters) {
    const source = loaded.get(unit.file);
    if (!source) throw new Error(`no loaded charter for ${unit.file}`);
    units.push(unit);
    resolved.set(unit, source);
  }
  const problems = checked.unnormalized.map((unit) => internalError(message('rules.internal-error.normalize'), unit.file, unit.reason));
  const organisation = organisationBaseline(checked.collection.charters, units, resolved);
  const feedbackContact = organisation ? organisationContact(organisation, units, resolved) : undefined;
  const languageOrder = organisation ? languagesOf(organisation) : [];
  return {
    units: byId(units),
    resolvedOf: (unit) => {
      const found = resolved.get(unit);
      if (!found) throw new Error(`no loaded charter for unit ${unit.id}`);
      return found;
    },
    problems,
    ...(feedbackContact ? { feedbackContact } : {}),
    ...(languageOrder.length > 0 ? { languageOrder } : {}),
  };
}

/** The baseline most units extend (the organisation's), else the first baseline. */
function organisationBaseline(
  charters: readonly ResolvedCharter[],
  units: readonly Charter[],
  resolved: ReadonlyMap<Charter, ResolvedCharter>,
): ResolvedCharter | undefined {
  const uses = new Map<ResolvedCharter, number>();
  for (const unit of units) {
    for (let baseline = resolved.get(unit)?.baseline; baseline; baseline = baseline.baseline) uses.set(baseline, (uses.get(baseline) ?? 0) + 1);
  }
  const ranked = [...uses].sort((a, b) => b[1] - a[1] || a[0].file.localeCompare(b[0].file));
  return ranked[0]?.[0] ?? charters.find((charter) => charter.isBaseline);
}

/** The organisation's `languages` as its baseline writes them (baselines are not normalized): the order of the site's languages. */
function languagesOf(organisation: ResolvedCharter): string[] {
  const languages = organisation.data.languages;
  return Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : [];
}

/**
 * The owner of the organisation's baseline: whom to give feedback on the
 * guide itself. Baselines are not normalized, so the owner's id is read from
 * the baseline as written and looked up among the contacts of a unit that
 * extends it, which inherits them.
 */
function organisationContact(organisation: ResolvedCharter, units: readonly Charter[], resolved: ReadonlyMap<Charter, ResolvedCharter>): Contact | undefined {
  const owner = organisation.data.owner;
  if (typeof owner !== 'string') return undefined;
  for (const unit of byId(units)) {
    if (!extendsBaseline(resolved.get(unit), organisation)) continue;
    const contact = contactById(unit.contacts, owner);
    if (contact) return contact;
  }
  return undefined;
}

function extendsBaseline(charter: ResolvedCharter | undefined, baseline: ResolvedCharter): boolean {
  for (let current = charter?.baseline; current; current = current.baseline) if (current === baseline) return true;
  return false;
}
