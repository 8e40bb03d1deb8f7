/**
 * What a project module hands on of the SDK (read one level deep from disk, cached by path,
 * modification time and size), and the run-time facts the fixes rely on for each import shape.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { moduleExportsOf, resolveRelativeModule } from '../../src/binding/reexports.js';
import { BUILTIN_CATALOGS } from '../../src/catalog/builtin.js';

const folder = mkdtempSync(path.join(tmpdir(), 'error-codes-reexports-'));
const importer = path.join(folder, 'spec.js');

function exportsOf(name: string, text: string): Record<string, unknown> {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return Object.fromEntries(moduleExportsOf(file, null) ?? []);
}

describe('moduleExportsOf', () => {
  it.each([
    ['import Parse from "parse/node"; export { Parse };', { Parse: { module: 'parse/node', kind: 'default', imported: undefined } }],
    ['export { default as Parse, Error as ParseError } from "parse";', { Parse: { module: 'parse', kind: 'default', imported: undefined }, ParseError: { module: 'parse', kind: 'named', imported: 'Error' } }],
    ['export * as Parse from "parse/node";', { Parse: { module: 'parse/node', kind: 'namespace', imported: undefined } }],
    ['import Parse from "parse"; export default Parse;', { default: { module: 'parse', kind: 'default', imported: undefined } }],
    ['export const Parse = require("parse/node").Parse;', { Parse: { module: 'parse/node', kind: 'named', imported: 'Parse' } }],
    ['const Parse = require("parse/node");\nmodule.exports = { Parse, Sdk: Parse, logger: console };', { Parse: { module: 'parse/node', kind: 'require', imported: undefined }, Sdk: { module: 'parse/node', kind: 'require', imported: undefined } }],
    ['exports.Parse = require("parse/node");', { Parse: { module: 'parse/node', kind: 'require', imported: undefined } }],
    ['module.exports = require("parse/node");', { 'module.exports': { module: 'parse/node', kind: 'require', imported: undefined } }],
    ['const { DrupalError } = require("drupal-js-sdk");\nmodule.exports.DrupalError = DrupalError;', { DrupalError: { module: 'drupal-js-sdk', kind: 'named', imported: 'DrupalError' } }],
    // Flow annotations do not stop TypeScript's parser from reading the exports.
    ['// @flow\nimport Parse from "parse/node";\nexport function f(x: ?string): void {}\nexport { Parse };', { Parse: { module: 'parse/node', kind: 'default', imported: undefined } }],
  ])('%s', (text, expected) => {
    expect(exportsOf(`case-${text.length}.js`, text)).toEqual(expected);
  });

  it('does not count type-only exports, local values or exports = …', () => {
    expect(exportsOf('types.ts', 'import type Parse from "parse";\nexport type { Parse };\nexport const local = 1;\nexports = require("parse");')).toEqual({});
  });

  it('reads a file again once it changes, and not before', () => {
    const file = path.join(folder, 'changing.js');
    writeFileSync(file, 'export { default as Parse } from "parse";');
    const first = moduleExportsOf(file, null);
    expect(moduleExportsOf(file, null)).toBe(first);
    writeFileSync(file, 'export { default as Sdk } from "parse";');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect([...(moduleExportsOf(file, null)?.keys() ?? [])]).toEqual(['Sdk']);
  });

  it('gives nothing for a file that cannot be read', () => {
    expect(moduleExportsOf(path.join(folder, 'missing.js'), null)).toBeUndefined();
  });
});

describe('resolveRelativeModule', () => {
  writeFileSync(path.join(folder, 'common.ts'), '');
  writeFileSync(path.join(folder, 'plain.js'), '');

  it.each([
    ['./plain', 'plain.js'],
    ['./plain.js', 'plain.js'],
    ['./common.js', 'common.ts'],
    ['./common', 'common.ts'],
  ])('%s is %s', (specifier, file) => {
    expect(resolveRelativeModule(importer, specifier)).toBe(path.join(folder, file));
  });

  it.each(['parse', './missing', '@scope/pkg'])('%s is not a project file', (specifier) => {
    expect(resolveRelativeModule(importer, specifier)).toBeUndefined();
  });
});

describe('the import shapes a fix writes Parse.Error.X through', () => {
  const require = createRequire(import.meta.url);
  const parse = BUILTIN_CATALOGS.find((catalog) => catalog.id === 'parse')!;
  const { name } = parse.bindings.constants!.import;

  it.each(parse.bindings.modules)('%s: the SDK object, under its own name too, with Error as its own property', (module) => {
    const sdk = require(module) as { Error?: { OBJECT_NOT_FOUND?: number } } & Record<string, unknown>;
    // import Parse from / require(module)
    expect(sdk.Error?.OBJECT_NOT_FOUND).toBe(101);
    // import { Parse } from / require(module).Parse / const { Parse } = require(module)
    expect(sdk[name]).toBe(sdk);
    // import * as Parse from, through Babel's or TypeScript's interop: the object's own properties
    expect(Object.prototype.propertyIsEnumerable.call(sdk, 'Error')).toBe(true);
  });

  it("Node's own namespace of the CommonJS entry has no Error: a namespace import needs members read through it", () => {
    const script = "import * as Parse from 'parse/node'; console.log(typeof Parse.Error, typeof Parse.default.Error);";
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    expect(output.trim()).toBe('undefined function');
  });
});
