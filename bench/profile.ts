/**
 * CPU profile of one configuration, attributed to the plugin's own functions.
 *
 *   npx tsx bench/profile.ts [--n 200] [--seed 1] [--config c:error-codes/no-magic-error-codes] [--top 25]
 *
 * Warms up with one untimed run of the same configuration, then profiles a second run (V8
 * sampling profiler through node:inspector, 100 µs interval) and writes the .cpuprofile to
 * bench/.profiles/ (open it in Chrome DevTools or speedscope). Prints:
 * - inclusive time of every function in src/ and rules/ (a recursive function counted once);
 * - for samples under plugin code: the deepest plugin function on the stack and what runs
 *   beneath it (TypeScript checker, ESLint scope analysis, the plugin itself, …).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

import { BENCH_DIR, corpusDir, generateCorpus, REPO_DIR } from './corpus.js';
import { allConfigs, type ConfigId, type ConfigSpec, measure } from './runner.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function category(url: string): string {
  if (url.includes('/node_modules/typescript/')) return 'typescript';
  if (url.includes('/@typescript-eslint/typescript-estree/')) return 'typescript-estree';
  if (url.includes('/@typescript-eslint/')) return 'typescript-eslint';
  if (url.includes('/eslint-scope/')) return 'eslint-scope';
  if (url.includes('/node_modules/eslint/')) return 'eslint';
  if (url.includes('/node_modules/')) return `node_modules/${url.split('/node_modules/').at(-1)!.split('/')[0]}`;
  if (isOurs(url)) return 'plugin';
  if (url === '') return 'native/gc';
  return 'node';
}

function isOurs(url: string): boolean {
  return ['src', 'rules', 'dist/src', 'dist/rules'].some((dir) => url.includes(`${REPO_DIR}/${dir}/`)) && !url.includes('/node_modules/');
}

function label(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^file:\/\//, '').replace(`${REPO_DIR}/`, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
}

export function analyse(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  const beneath = new Map<string, Map<string, number>>();
  const ruleTotals = new Map<string, number>();
  let total = 0;
  let underPlugin = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(profile.samples[index]!)!;
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
    const seen = new Set<string>();
    let deepest: ProfileNode | undefined;
    let outermostRuleFile: string | undefined;
    for (const frame of stack) {
      if (!isOurs(frame.callFrame.url)) continue;
      deepest ??= frame;
      const name = label(frame);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
      if (frame.callFrame.url.includes('/rules/')) outermostRuleFile = path.basename(frame.callFrame.url);
    }
    if (!deepest) continue;
    underPlugin += ms;
    if (outermostRuleFile) ruleTotals.set(outermostRuleFile, (ruleTotals.get(outermostRuleFile) ?? 0) + ms);
    const key = label(deepest);
    const what = category(leaf.callFrame.url);
    const map = beneath.get(key) ?? beneath.set(key, new Map()).get(key)!;
    map.set(what, (map.get(what) ?? 0) + ms);
  }
  const lines: string[] = [];
  lines.push(`profiled ${total.toFixed(0)} ms; under plugin code ${underPlugin.toFixed(0)} ms (${((underPlugin / total) * 100).toFixed(1)} %)`);
  for (const [file, ms] of [...ruleTotals].sort((a, b) => b[1] - a[1])) lines.push(`  rule file ${file}: ${ms.toFixed(0)} ms`);
  lines.push('', `inclusive time of plugin functions (top ${top}):`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  lines.push('', `deepest plugin function on the stack, and what runs beneath it (top ${top}):`);
  const rows = [...beneath].map(([name, map]) => ({ name, map, sum: [...map.values()].reduce((a, b) => a + b, 0) }));
  for (const row of rows.sort((a, b) => b.sum - a.sum).slice(0, top)) {
    const parts = [...row.map].sort((a, b) => b[1] - a[1]).map(([what, ms]) => `${what} ${ms.toFixed(0)}`);
    lines.push(`  ${row.sum.toFixed(0).padStart(7)} ms  ${row.name}  [${parts.join(', ')}]`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: string): string => {
    const at = args.indexOf(flag);
    return at === -1 ? fallback : (args[at + 1] ?? fallback);
  };
  const n = Number(value('--n', '200'));
  const seed = Number(value('--seed', '1'));
  const id = value('--config', 'c:error-codes/no-magic-error-codes') as ConfigId;
  const top = Number(value('--top', '25'));
  const spec: ConfigSpec | undefined = allConfigs().find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`unknown configuration ${id}; one of ${allConfigs().map((candidate) => candidate.id).join(', ')}`);
  const corpus = generateCorpus(n, seed, corpusDir(n, seed));
  const warm = await measure(spec, corpus, -1);
  console.error(`warm-up ${id} @${n}: ${(warm.wallMs / 1000).toFixed(2)} s`);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const sample = await measure(spec, corpus, 0);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();

  const dir = path.join(BENCH_DIR, '.profiles');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id.replaceAll(/[^a-z0-9+]+/gi, '_')}-${n}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const rules = Object.entries(sample.ruleMs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([rule, ms]) => `${rule} ${ms.toFixed(0)} ms`)
    .join(', ');
  console.log(`${id} @${n}: wall ${(sample.wallMs / 1000).toFixed(2)} s, parse ${(sample.parseMs / 1000).toFixed(2)} s; rules: ${rules}`);
  console.log(`profile: ${path.relative(process.cwd(), file)}\n`);
  console.log(analyse(profile, top));
}

await main();
