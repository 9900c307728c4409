import { beforeEach, expect } from 'vitest';

// A test that makes no assertion cannot fail: one that returns early, or loops
// over a list that turned out empty, fails instead of passing unseen.
beforeEach(() => {
  expect.hasAssertions();
});
