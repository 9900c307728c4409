import type * as Document from '../schema/generated/charter-document.js';
import type { AbandonmentPromise, AveragePromise, Commitment, Commitments, CustomerGroup, ServiceRef } from '../model/charter.js';
import { parseTarget } from '../time/duration.js';
import { NormalizeProblem, readDuration } from './read-values.js';
import type { TextReader } from './text-reader.js';

/** One value or a list of them, as a promise may be written (format 1.1 allows a list of variants). */
type OneOrList<T> = T | readonly T[];

function listOf<T>(value: OneOrList<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * Reads a charter's promises: a time limit and target, and whom (`for`) and
 * which service (`service`) each is for, resolved against the charter's
 * `customerGroups` and `services`.
 */
export class PromiseReader {
  private readonly groupsById: ReadonlyMap<string, CustomerGroup>;
  private readonly servicesById: ReadonlyMap<string, ServiceRef>;

  constructor(
    readonly texts: TextReader,
    groups: readonly CustomerGroup[],
    services: readonly ServiceRef[],
  ) {
    this.groupsById = firstById(groups);
    this.servicesById = firstById(services);
  }

  /** `for` or `audience`: customer group ids, resolved. */
  groups(ids: readonly string[] | undefined, where: string): CustomerGroup[] {
    return (ids ?? []).map((id) => {
      const group = this.groupsById.get(id);
      if (!group) throw new NormalizeProblem(`\`${where}\` names \`${id}\`, which is not a group id in \`customerGroups\``);
      return group;
    });
  }

  service(id: string | undefined, where: string): { service?: ServiceRef } {
    if (id === undefined) return {};
    const service = this.servicesById.get(id);
    if (!service) throw new NormalizeProblem(`\`${where}\` names \`${id}\`, which is not a service id in \`services\``);
    return { service };
  }

  commitment(commitment: Document.Commitment, where: string): Commitment {
    const target = parseTarget(commitment.target);
    if (target === undefined) throw new NormalizeProblem(`\`${where}.target\` is not a share of cases`);
    return {
      within: readDuration(commitment.within, `${where}.within`),
      target,
      ...(commitment.otherwise === undefined ? {} : { otherwise: this.texts.read(commitment.otherwise) }),
      groups: this.groups(commitment.for, `${where}.for`),
      ...this.service(commitment.service, `${where}.service`),
    };
  }

  /** A promise written as one commitment or a list of variants. */
  commitments(value: Document.Commitments | undefined, where: string): Commitments {
    const list = listOf<Document.Commitment>(value);
    return list.map((commitment, index) => this.commitment(commitment, Array.isArray(value) ? `${where}[${index}]` : where));
  }

  averages(value: Document.AveragePromises | undefined, where: string): AveragePromise[] {
    return listOf<Document.AveragePromise>(value).map((average, index) => {
      const at = Array.isArray(value) ? `${where}[${index}]` : where;
      return {
        within: readDuration(average.within, `${at}.within`),
        groups: this.groups(average.for, `${at}.for`),
        ...this.service(average.service, `${at}.service`),
      };
    });
  }

  abandonments(value: Document.AbandonmentPromises | undefined, where: string): AbandonmentPromise[] {
    return listOf<Document.AbandonmentPromise>(value).map((abandoned, index) => {
      const at = Array.isArray(value) ? `${where}[${index}]` : where;
      const atMost = parseTarget(abandoned.atMost);
      if (atMost === undefined) throw new NormalizeProblem(`\`${at}.atMost\` is not a share of cases`);
      return {
        atMost,
        written: abandoned.atMost,
        groups: this.groups(abandoned.for, `${at}.for`),
        ...this.service(abandoned.service, `${at}.service`),
      };
    });
  }
}

/** By id, the first entry of a repeated id counting (as for contacts; `unique-ids` reports the repeat). */
function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}
