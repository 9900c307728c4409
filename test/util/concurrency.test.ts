import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../src/util/concurrency.js';

/** A promise and the function that settles it, to finish calls in a chosen order. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('mapConcurrently', () => {
  it('keeps the order of the items, whatever order the calls finish in', async () => {
    const delays = [30, 0, 20, 5, 10];
    const results = await mapConcurrently(delays, 3, (delay, index) => new Promise<string>((resolve) => setTimeout(() => resolve(`${index}:${delay}`), delay)));
    expect(results).toEqual(['0:30', '1:0', '2:20', '3:5', '4:10']);
  });

  it('never has more than `limit` calls under way, and a free lane takes the next item at once', async () => {
    const calls = Array.from({ length: 5 }, () => deferred<number>());
    const started: number[] = [];
    let underWay = 0;
    let most = 0;
    const done = mapConcurrently(calls, 2, async (call, index) => {
      started.push(index);
      most = Math.max(most, ++underWay);
      const value = await call.promise;
      underWay--;
      return value;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    calls[1]?.resolve(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The lane that finished item 1 took item 2 while item 0 was still under way.
    expect(started).toEqual([0, 1, 2]);
    calls.forEach((call, index) => call.resolve(index));
    expect(await done).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('gives each lane one call at a time, so a lane can own a resource', async () => {
    const busy = new Set<number>();
    const lanesUsed = new Set<number>();
    await mapConcurrently(
      Array.from({ length: 20 }, (_, index) => index),
      3,
      async (item, _index, lane) => {
        expect(busy.has(lane), `lane ${lane} was given item ${item} while busy`).toBe(false);
        busy.add(lane);
        lanesUsed.add(lane);
        await new Promise((resolve) => setTimeout(resolve, item % 4));
        busy.delete(lane);
      },
    );
    expect([...lanesUsed].sort()).toEqual([0, 1, 2]);
  });

  it('throws the first error and starts no item after it', async () => {
    const started: number[] = [];
    const run = mapConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 1 ? 1 : 10));
      if (item === 1) throw new Error('item 1 failed');
      return item;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Item 0 was under way and finished; its lane then saw the failure and stopped.
    expect(started).toEqual([0, 1]);
  });

  it('returns an empty list for no items, and runs one lane when the limit is below 1', async () => {
    expect(await mapConcurrently([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await mapConcurrently([1, 2], 0, (item) => Promise.resolve(item * 2))).toEqual([2, 4]);
  });
});
