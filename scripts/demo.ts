/**
 * The main job: lint every app in examples/ with its own eslint.config.js (the plugin's
 * recommended type-checked config), print the reports, then a summary per rule.
 * Run through `npm run demo`, which builds the plugin first.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { BUILTIN_CATALOGS } from '../src/catalog/builtin.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(examplesDir, entry.name, 'eslint.config.js')))
  .map((entry) => entry.name)
  .sort();

console.log(`Catalogs: ${BUILTIN_CATALOGS.map((catalog) => `${catalog.id} (${catalog.codes.length} codes)`).join(', ')}\n`);

const counts = new Map<string, Map<string, number>>();
let fatal = 0;
for (const example of examples) {
  const cwd = path.join(examplesDir, example);
  const eslint = new ESLint({ cwd });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);
  console.log(`── examples/${example} ${'─'.repeat(Math.max(0, 60 - example.length))}`);
  console.log(output.trim() === '' ? '  no reports\n' : output);
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal += 1;
      const rule = message.ruleId ?? '(fatal)';
      const perRule = counts.get(rule) ?? new Map<string, number>();
      perRule.set(example, (perRule.get(example) ?? 0) + 1);
      counts.set(rule, perRule);
    }
  }
}

const columns = ['rule', ...examples, 'total'];
const rows = [...counts.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([rule, perExample]) => [
    rule,
    ...examples.map((example) => String(perExample.get(example) ?? 0)),
    String([...perExample.values()].reduce((sum, count) => sum + count, 0)),
  ]);
console.log('Summary (reports per rule and example)\n');
console.log(`| ${columns.join(' | ')} |`);
console.log(`| ${columns.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (fatal > 0) {
  console.error(`\n${fatal} fatal parsing or configuration errors`);
  process.exitCode = 1;
}
