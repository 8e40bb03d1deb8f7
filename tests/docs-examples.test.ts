/**
 * The rule pages' code blocks are tests, as typescript-eslint's docs are: for every page in
 * docs/rules/, each `ts` block type-checks with no diagnostics in a strict NodeNext project
 * (tests/fixtures/docs/tsconfig.json, real SDK packages from node_modules), each ❌ example
 * gets at least one report of the page's rule and each ✅ example none. `ts` examples are
 * linted with type information, `js` examples without. The conventions (labels, config blocks,
 * file names) are described in tests/docs/code-blocks.ts.
 *
 * The blocks are files of an in-memory project, tests/fixtures/docs/<rule>/: nothing is written
 * to disk, and one TypeScript program per page serves both the type check and the linting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import type ts from 'typescript';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { type CodeBlock, configBlockFor, isConfigBlock, isScriptBlock, JS_LANGS, readCodeBlocks, TS_LANGS } from './docs/code-blocks.js';
import { createInMemoryProgram, formatDiagnostic, readCompilerOptions } from './type-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = path.join(root, 'docs', 'rules');
const fixtureDir = path.join(root, 'tests', 'fixtures', 'docs');
const pages = readdirSync(docsDir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();

const compilerOptions = readCompilerOptions(fixtureDir);

/** The file a block is in the page's project: its `// path` name, else `src/line-<n>.ts` / `.js`. */
function blockFile(rule: string, block: CodeBlock): string {
  const name = block.fileName ?? `src/line-${block.line}.${TS_LANGS.has(block.lang) ? 'ts' : 'js'}`;
  return path.join(fixtureDir, rule, name);
}

/** A config block's exported array, evaluated as the module it is. */
async function readConfigBlock(block: CodeBlock): Promise<Linter.Config[]> {
  if (/^\s*import\b/m.test(block.code)) throw new Error(`the eslint.config.js block at line ${block.line} imports: config blocks must be self-contained`);
  const module = (await import(`data:text/javascript;base64,${Buffer.from(block.code).toString('base64')}`)) as { default?: unknown };
  if (!Array.isArray(module.default)) throw new Error(`the eslint.config.js block at line ${block.line} must \`export default\` an array of config objects`);
  return module.default as Linter.Config[];
}

const ESLINT_PLUGIN = plugin as unknown as ESLint.Plugin;
let previousProgram: ts.Program | undefined;

describe.each(pages)('docs/rules/%s.md', (rule) => {
  const ruleId = `error-codes/${rule}`;
  const blocks = readCodeBlocks(readFileSync(path.join(docsDir, `${rule}.md`), 'utf8'));
  const scripts = blocks.filter(isScriptBlock);
  const examples = scripts.filter((block) => block.label !== undefined && !isConfigBlock(block));
  const pageDir = path.join(fixtureDir, rule);

  const tsFiles = new Map(scripts.filter((block) => TS_LANGS.has(block.lang)).map((block) => [blockFile(rule, block), block.code]));
  let program: ts.Program | undefined;
  const getProgram = (): ts.Program => {
    program ??= createInMemoryProgram(tsFiles, compilerOptions, pageDir, previousProgram);
    previousProgram = program;
    return program;
  };

  it('has ❌ and ✅ examples, and no two blocks with the same file name', () => {
    expect(examples.filter((block) => block.label === 'incorrect').length).toBeGreaterThan(0);
    expect(examples.filter((block) => block.label === 'correct').length).toBeGreaterThan(0);
    const names = scripts.filter((block) => !isConfigBlock(block)).map((block) => blockFile(rule, block));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('the project has no global or option diagnostics', () => {
    const current = getProgram();
    expect([...current.getOptionsDiagnostics(), ...current.getGlobalDiagnostics()].map(formatDiagnostic)).toEqual([]);
  });

  it.each(scripts.filter((block) => TS_LANGS.has(block.lang)).map((block) => [block.line, block] as const))('ts block at line %i type-checks', (_, block) => {
    const current = getProgram();
    const sourceFile = current.getSourceFile(blockFile(rule, block))!;
    const diagnostics = [...current.getSyntacticDiagnostics(sourceFile), ...current.getSemanticDiagnostics(sourceFile)];
    expect(diagnostics.map(formatDiagnostic), `${rule}.md line ${block.line}:\n${block.code}`).toEqual([]);
  });

  it.each(scripts.filter(isConfigBlock).map((block) => [block.line, block] as const))('eslint.config.js block at line %i is a valid config', async (_, block) => {
    const config = await readConfigBlock(block);
    const verify = () => new Linter({ configType: 'flat' }).verify('', [{ plugins: { 'error-codes': ESLINT_PLUGIN } }, ...config], 'file.js');
    expect(verify).not.toThrow();
  });

  it.each(
    scripts
      .filter((block) => JS_LANGS.has(block.lang) && block.label === undefined && !isConfigBlock(block))
      .map((block) => [block.line, block] as const),
  )('js block at line %i parses', (_, block) => {
    const messages = new Linter({ configType: 'flat' }).verify(block.code, [{}], blockFile(rule, block));
    expect(messages.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });

  it.each(
    examples.map((block) => [block.label === 'incorrect' ? '❌' : '✅', block.lang, block.line, block] as const),
  )('%s %s example at line %i', async (label, lang, line, block) => {
    const typed = TS_LANGS.has(block.lang);
    const config = configBlockFor(blocks, block);
    const filename = blockFile(rule, block);
    const linter = new Linter({ configType: 'flat', cwd: pageDir });
    const messages = linter.verify(
      block.code,
      [
        {
          files: ['**/*.ts', '**/*.js'],
          plugins: { 'error-codes': ESLINT_PLUGIN },
          ...(typed ? { languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { programs: [getProgram()] } } } : {}),
          rules: { [ruleId]: 'error' },
        },
        ...(config ? await readConfigBlock(config) : []),
      ],
      filename,
    );
    const listing = `${rule}.md line ${line}:\n${block.code}\n${messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`).join('\n')}`;
    expect(
      messages.filter((message) => message.ruleId !== ruleId),
      listing,
    ).toEqual([]);
    if (label === '❌') expect(messages.length, listing).toBeGreaterThan(0);
    else expect(messages, listing).toEqual([]);
  });
});
