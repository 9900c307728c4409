import type { NormalizedUnits } from '../normalize/normalize-collection.js';

/**
 * Readings of the contact logs kept for the length of one run: a build
 * measures the dashboard's period and then each review's from the same logs
 * at the same instant, and the second measurement reads nothing again. Kept
 * by the charters they were read against (the same objects), and by what
 * decides the reading (`keyOf` in make-report.ts); gone with the run.
 */
export class LogReadings {
  private readonly byUnits = new WeakMap<NormalizedUnits, Map<string, unknown>>();

  /** What make-report.ts kept (only it stores readings; their shape is its own). */
  get(units: NormalizedUnits, key: string): unknown {
    return this.byUnits.get(units)?.get(key);
  }

  set(units: NormalizedUnits, key: string, reading: unknown): void {
    const kept = this.byUnits.get(units) ?? new Map<string, unknown>();
    kept.set(key, reading);
    this.byUnits.set(units, kept);
  }
}
