import { describe, expect, it } from 'vitest';
import { registerCleanup, registeredCleanups, runCleanups } from '../../src/util/cleanup.js';

describe('the cleanup registry', () => {
  it('runs what is registered once, newest first, and forgets what was unregistered', async () => {
    const ran: string[] = [];
    registerCleanup(() => void ran.push('staging folder'));
    const unregister = registerCleanup(() => void ran.push('finished work'));
    registerCleanup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ran.push('browser');
    });
    unregister();
    await runCleanups(5_000);
    expect(ran).toEqual(['browser', 'staging folder']);
    expect(registeredCleanups()).toBe(0);
    await runCleanups(5_000);
    expect(ran).toHaveLength(2);
  });

  it('stops waiting when the time is up, but still starts the rest; failures do not stop it', async () => {
    const ran: string[] = [];
    registerCleanup(() => void ran.push('folder removed'));
    registerCleanup(() => {
      throw new Error('already gone');
    });
    registerCleanup(() => Promise.reject(new Error('browser crashed')));
    registerCleanup(() => new Promise<void>(() => undefined));
    const started = Date.now();
    await runCleanups(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ran).toEqual(['folder removed']);
  });
});
