/**
 * Maps items with at most `limit` calls under way, keeping the order of the
 * results. The calls run in `limit` lanes that each take the next item when
 * their last call is done, so a slow item holds up one lane only. `map` is
 * told its item's index and its lane (0 to limit - 1): a lane makes one call
 * at a time, so it can own something, such as a worker thread. After a
 * failure no lane starts another item, and the first error is thrown at once:
 * the caller is already cleaning up.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T, index: number, lane: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async (_, lane) => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T, index, lane);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(lanes);
  return results;
}
