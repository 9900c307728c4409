/**
 * How shares are shown, the same in the terminal and on the dashboard: as a
 * percentage with one decimal, rounded down, so that a share just below its
 * target (89.96 % against 90 %) never shows as the target itself.
 */
export function shareForDisplay(fraction: number): number {
  // The small nudge keeps 0.57 (stored as 0.56999…) at 57 %, not 56.9 %.
  return Math.floor(fraction * 1000 + 1e-9) / 1000;
}
