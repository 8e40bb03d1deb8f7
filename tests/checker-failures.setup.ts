/**
 * Runs after every test file: no type query may have failed inside TypeScript. The rules turn
 * such a failure into "type unknown" and report less instead of crashing (src/binding/context.ts),
 * so a failure would otherwise go unnoticed as lost reports.
 */
import { afterAll, expect } from 'vitest';

import { checkerFailureCount } from '../src/binding/context.js';

afterAll(() => {
  expect(checkerFailureCount(), 'type queries that TypeScript failed with a TypeError in this test file').toBe(0);
});
