/**
 * Catalog values against the real SDK packages (devDependencies), in both directions:
 * every SDK constant is in the catalog with its value, and every catalog code marked
 * `constant: true` is an SDK constant declared in the SDK's type declarations.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { DrupalError } from '@drupal-js-sdk/error';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { builtinCatalog } from '../../src/catalog/builtin.js';
import type { Catalog } from '../../src/catalog/catalog.js';

const require = createRequire(import.meta.url);

/** A file inside an installed package, whatever its `exports` map allows. */
function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../../node_modules/${relative}`, import.meta.url));
}

/** UPPER_SNAKE static properties of a class at run time, with their values. */
function runtimeConstants(errorClass: object): Map<string, unknown> {
  return new Map(
    Object.getOwnPropertyNames(errorClass)
      .filter((key) => /^[A-Z][A-Z0-9_]*$/.test(key))
      .map((key) => [key, (errorClass as Record<string, unknown>)[key]]),
  );
}

/** Names of the static properties that a class declares in a `.d.ts` file. */
function declaredStatics(file: string, className: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name?.text === className) {
      for (const member of node.members) {
        const isStatic = ts.getModifiers(member as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (isStatic && ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) names.add(member.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function catalogConstants(catalog: Catalog): Map<string, unknown> {
  return new Map(catalog.codes.filter((entry) => entry.constant).map((entry) => [entry.name, entry.value]));
}

describe('parse catalog against the parse package', () => {
  const catalog = builtinCatalog('parse');
  const Parse = require('parse/node') as { Error: object };
  const runtime = runtimeConstants(Parse.Error);
  const declared = declaredStatics(packageFile('parse/types/ParseError.d.ts'), 'ParseError');

  it('has read a full set of SDK constants', () => {
    expect(runtime.size).toBeGreaterThanOrEqual(61);
    expect([...declared].sort()).toEqual([...runtime.keys()].sort());
  });

  it('has every Parse.Error constant with the run-time value', () => {
    for (const [name, value] of runtime) {
      expect(catalog.byName(name), name).toMatchObject({ name, value, constant: true });
    }
  });

  it('marks as constants only the names Parse.Error declares', () => {
    expect(catalogConstants(catalog)).toEqual(runtime);
  });

  it('gives no SDK-constant-less code a value that an SDK constant already has', () => {
    const values = new Set(runtime.values());
    for (const entry of catalog.codes.filter((code) => !code.constant)) {
      expect(values.has(entry.value), `${entry.name} ${String(entry.value)}`).toBe(false);
    }
  });
});

describe('drupal catalog against @drupal-js-sdk/error', () => {
  const catalog = builtinCatalog('drupal');
  const runtime = runtimeConstants(DrupalError);
  const declared = declaredStatics(packageFile('@drupal-js-sdk/error/dist/index.d.ts'), 'DrupalError');

  it('has read a full set of SDK constants', () => {
    expect(runtime.size).toBe(64);
    expect([...declared].sort()).toEqual([...runtime.keys()].sort());
  });

  it('equals the DrupalError constants exactly', () => {
    expect(catalogConstants(catalog)).toEqual(runtime);
    expect(catalog.codes).toHaveLength(runtime.size);
  });
});

describe('cloudkit-js catalog against tsl-apple-cloudkit', () => {
  const catalog = builtinCatalog('cloudkit-js');
  const declared = declaredStatics(packageFile('tsl-apple-cloudkit/lib/index.d.ts'), 'CKError');
  // The CloudKit JS runtime keeps the process alive after loading; read it in a child process.
  const runtimeJson = execFileSync(
    process.execPath,
    [
      '-e',
      `const E = require('tsl-apple-cloudkit').CKError;
       const out = Object.getOwnPropertyNames(E).filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k)).map((k) => [k, E[k]]);
       process.stdout.write(JSON.stringify(out), () => process.exit(0));`,
    ],
    { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 },
  );
  const runtime = new Map(JSON.parse(runtimeJson) as [string, string][]);

  it('has read the typings and the runtime', () => {
    expect(declared.size).toBe(24);
    expect(runtime.size).toBe(25);
  });

  it('marks exactly the constants the typings declare', () => {
    expect([...catalogConstants(catalog).keys()].sort()).toEqual([...declared].sort());
  });

  it('has every run-time constant with its value, and nothing else', () => {
    expect(new Map(catalog.codes.map((entry) => [entry.name, entry.value]))).toEqual(runtime);
  });

  it('marks the run-time-only ZONE_BUSY', () => {
    expect(catalog.byName('ZONE_BUSY')).toMatchObject({ constant: false, flags: ['runtimeOnly'] });
  });
});

describe('cloudkit catalog (native CKError.Code)', () => {
  const catalog = builtinCatalog('cloudkit');

  it('is the complete list of raw values 1 to 37', () => {
    expect(catalog.codes.map((entry) => entry.value)).toEqual(Array.from({ length: 37 }, (_, index) => index + 1));
  });

  it('gives every case its Objective-C name', () => {
    for (const entry of catalog.codes) {
      const objc = `CKError${entry.name[0]!.toUpperCase()}${entry.name.slice(1)}`;
      expect(catalog.byName(objc), objc).toBe(entry);
    }
  });
});
