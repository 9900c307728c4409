import type { Diagnostic } from '../model/diagnostic.js';
import type { UnitSummary } from '../rules/rule.js';

/** Given to each worker once: every file of the run (see LoadOptions.runFiles). */
export interface CheckWorkerData {
  readonly runFiles: readonly string[];
}

/** A batch of charter files for a worker to load and check. */
export interface CheckRequest {
  readonly id: number;
  readonly files: readonly string[];
  readonly root: string;
  readonly cwd: string;
  readonly today: string;
}

export type CheckReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly diagnostics: readonly Diagnostic[];
      /** Every file the batch read, baselines included, as shown to the user. */
      readonly files: readonly string[];
      readonly units: readonly UnitSummary[];
    }
  | { readonly id: number; readonly ok: false; readonly error: string };
