/**
 * Child process of the bench runner: counts candidate nodes and type-checker calls per rule.
 * Started with ERROR_CODES_BENCH=1 in its environment, so the plugin's counters are on from
 * the moment it loads. Prints one JSON line (a CountResult) on stdout.
 *
 *   ERROR_CODES_BENCH=1 npx tsx bench/count.ts --dir bench/.corpus/200-s1
 */
import path from 'node:path';

if (process.env['ERROR_CODES_BENCH'] !== '1') {
  console.error('bench/count.ts: set ERROR_CODES_BENCH=1 (before the plugin loads)');
  process.exit(2);
}

const at = process.argv.indexOf('--dir');
const dir = at === -1 ? undefined : process.argv[at + 1];
if (!dir) {
  console.error('usage: bench/count.ts --dir <corpus folder>');
  process.exit(2);
}

// Imported only now, after the check: the plugin reads the variable when it loads.
const { countInThisProcess } = await import('./runner.js');
const result = await countInThisProcess({ dir: path.resolve(dir), n: 0 });
console.log(JSON.stringify(result));
