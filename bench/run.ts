/**
 * npm run bench — measures our rules against typescript-eslint's recommended-type-checked,
 * switch-exhaustiveness-check and core no-magic-numbers on a generated corpus.
 *
 *   npx tsx bench/run.ts [--sizes 200,2000] [--rounds 3,1] [--seed 1] [--configs a,b,b+] [--large-configs a,b,b+] [--no-warmup] [--no-counts] [--json out.json] [--write]
 *
 * --rounds takes one number for every size or one per size (default 3 at 200 files, 1 at
 * 2,000; 3 for every size when --sizes is given). Budget on the 2-core bench machine: the
 * default run takes about 20 minutes — one round at 2,000 files is ~9.5 minutes, counting
 * checker calls at 2,000 files ~3 minutes, a round at 200 files ~1.5 minutes, writing the
 * 2,000-file corpus ~1 minute (reused afterwards).
 * --configs runs a subset (ids: a, b, b+, c:<rule id>, e:recommended, e:no-magic-numbers).
 * --large-configs runs only these on the sizes above the smallest (each rule alone is then
 * measured at the smallest size only).
 * --json saves the raw samples.
 * --write replaces the generated block of bench/RESULTS.md (the analysis around it stays).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { BENCH_DIR } from './corpus.js';
import { formatReport, mergeResults } from './report.js';
import { type ConfigId, runBench } from './runner.js';

const args = process.argv.slice(2);
function option(flag: string): string | undefined {
  const at = args.indexOf(flag);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value;
}
const numbers = (text: string, flag: string): number[] =>
  text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag}: "${part}" is not a positive integer`);
    return value;
  });

const known = new Set(['--sizes', '--rounds', '--seed', '--configs', '--large-configs', '--json', '--write', '--no-warmup', '--no-counts']);
for (const arg of args) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);

const sizes = numbers(option('--sizes') ?? '200,2000', '--sizes');
const roundsList = numbers(option('--rounds') ?? (option('--sizes') ? '3' : '3,1'), '--rounds');
const seed = Number(option('--seed') ?? '1');
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
const configs = option('--configs')?.split(',').map((id) => id.trim() as ConfigId);
const largeConfigs = option('--large-configs')?.split(',').map((id) => id.trim() as ConfigId);

const result = await runBench({
  sizes,
  rounds: roundsList.length === 1 ? roundsList[0]! : roundsList,
  seed,
  ...(configs ? { configs } : {}),
  ...(largeConfigs ? { largeConfigs } : {}),
  ...(args.includes('--no-warmup') ? { warmup: [] } : {}),
  counts: !args.includes('--no-counts'),
  log: (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
});

const report = formatReport(result);
console.log(report);

const json = option('--json');
if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);

if (args.includes('--write')) {
  const file = path.join(BENCH_DIR, 'RESULTS.md');
  writeFileSync(file, mergeResults(existsSync(file) ? readFileSync(file, 'utf8') : undefined, report));
  console.error(`wrote ${path.relative(process.cwd(), file)}`);
}
