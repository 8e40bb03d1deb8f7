import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tseslint from 'typescript-eslint';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { fileNodes, preorder } from '../../src/binding/ast.js';
import { probeFile } from '../probe.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|js)$/.test(entry.name) && entry.name !== 'eslint.config.js' ? [full] : [];
  });
}

/** Lints `code` with a probe that compares the two node lists of the file. */
function compare(code: string, filename: string): { fromSteps: number; walked: number; traverses: boolean } {
  return probeFile(code, filename, { parser: tseslint.parser as Linter.Parser, sourceType: 'module' }, ({ sourceCode }) => {
    const fromSteps = fileNodes(sourceCode);
    const walked = preorder(sourceCode, sourceCode.ast);
    expect(fromSteps).toEqual(walked);
    expect(new Set(fromSteps).size).toBe(fromSteps.length);
    return { fromSteps: fromSteps.length, walked: walked.length, traverses: typeof (sourceCode as { traverse?: unknown }).traverse === 'function' };
  });
}

describe('fileNodes: the pre-order node list read from ESLint’s traversal steps', () => {
  const files = sources(EXAMPLES);

  it('finds the example sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [path.relative(EXAMPLES, file), file]))('%s: same nodes, same order as the walk', (_name, file) => {
    const { fromSteps, walked, traverses } = compare(readFileSync(file, 'utf8'), file as string);
    expect(traverses).toBe(true);
    expect(fromSteps).toBe(walked);
    expect(fromSteps).toBeGreaterThan(50);
  });

  it('covers TypeScript-only syntax, JSX-free decorators, classes and templates', () => {
    const code = [
      'enum E { A = 1 }',
      'abstract class C<T extends object> { @dec() m(@p x: T): asserts x is T {} private y?: `a${string}` }',
      'declare module "m" { export const z: number }',
      'namespace N { export type U = { [K in keyof E]: E[K] } }',
      'const f = async <T,>(a = 1, ...r: T[]) => { for await (const x of r) label: { break label } };',
      'export default tag`x${f}y`;',
    ].join('\n');
    const { fromSteps, walked } = compare(code, path.join(EXAMPLES, 'syntax.ts'));
    expect(fromSteps).toBe(walked);
  });
});
