/**
 * Counters for `npm run bench`: how many candidate nodes each rule hands the binder and how
 * many type-checker calls follow. Off unless ERROR_CODES_BENCH=1 is set when the plugin loads;
 * then the counts live on a global the benchmark reads. Nothing is counted in normal runs.
 */
export interface BenchCounts {
  candidates: number;
  checkerCalls: number;
}

const enabled = process.env['ERROR_CODES_BENCH'] === '1';
const KEY = Symbol.for('eslint-plugin-error-codes.bench');

export function benchCounts(ruleId: string): BenchCounts | undefined {
  if (!enabled) return undefined;
  const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, BenchCounts>()) as Map<string, BenchCounts>;
  let counts = store.get(ruleId);
  if (!counts) {
    counts = { candidates: 0, checkerCalls: 0 };
    store.set(ruleId, counts);
  }
  return counts;
}

/** Wraps a checker so that every method call counts; returns it unchanged when not benchmarking. */
export function countedChecker<T extends object>(checker: T, counts: BenchCounts | undefined): T {
  if (!counts) return checker;
  return new Proxy(checker, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counts.checkerCalls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
