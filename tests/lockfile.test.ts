/** The lock must install on any later day: no dependency may hang on a dist-tag that no override pins. */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { describeUnpinnedTag, findUnpinnedDistTags, isDistTagSpec, type Lockfile, type PackageJson } from '../scripts/lock-dist-tags.js';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as T;

describe('package-lock.json', () => {
  it('has no dependency required through a dist-tag that overrides do not pin', () => {
    const unpinned = findUnpinnedDistTags(readJson<Lockfile>('package-lock.json'), readJson<PackageJson>('package.json'));
    expect(unpinned.map(describeUnpinnedTag)).toEqual([]);
  });

  it('installs without pre/post hooks: the test script runs every step itself', () => {
    const scripts = readJson<{ scripts: Record<string, string> }>('package.json').scripts;
    expect(Object.keys(scripts).filter((name) => /^(?:pre|post)/u.test(name))).toEqual([]);
    expect(scripts.test).toMatch(/npm run typecheck && npm run lint && vitest run/u);
  });
});

describe('isDistTagSpec', () => {
  it.each(['latest', 'next', 'beta', 'canary-2', 'v8-lts'])('reads %s as a tag', (spec) => {
    expect(isDistTagSpec(spec)).toBe(true);
  });

  it.each(['^4.0.0', '4.1.0', '~1.2', '*', '', '>=1 <2', '1.x', 'npm:other@^1', 'file:../x', 'github:a/b', 'a/b', 'https://x/y.tgz', 'git+ssh://g/x.git'])(
    'does not read %j as a tag',
    (spec) => {
      expect(isDistTagSpec(spec)).toBe(false);
    },
  );
});

describe('findUnpinnedDistTags', () => {
  const lock: Lockfile = {
    packages: {
      '': { devDependencies: { formatter: '^3.1.0' } },
      'node_modules/formatter': { dependencies: { chardet: 'latest', lodash: '^4.17.14' } },
      'node_modules/@scope/tool/node_modules/helper': { optionalDependencies: { extra: 'next' } },
    },
  };

  it('catches a dist-tag spec with no override, naming the package, the tag and the fix', () => {
    const found = findUnpinnedDistTags(lock, {});
    expect(found).toEqual([
      { from: 'node_modules/formatter', name: 'chardet', tag: 'latest' },
      { from: 'node_modules/@scope/tool/node_modules/helper', name: 'extra', tag: 'next' },
    ]);
    expect(describeUnpinnedTag(found[0]!)).toBe(
      'chardet is required as "latest" by formatter: a dist-tag moves, and `npm ci` fails once it does. ' +
        'Pin it in package.json: "overrides": { "formatter": { "chardet": "<exact version>" } }.',
    );
  });

  it('accepts a tag pinned by a nested or top-level override', () => {
    const manifest: PackageJson = { overrides: { formatter: { chardet: '4.1.0' }, extra: '1.0.0' } };
    expect(findUnpinnedDistTags(lock, manifest)).toEqual([]);
  });

  it('accepts an override that refers to a root dependency with $', () => {
    const manifest: PackageJson = { devDependencies: { chardet: '^4.1.0' }, overrides: { 'formatter@^3': { chardet: '$chardet' }, extra: '1.0.0' } };
    expect(findUnpinnedDistTags(lock, manifest)).toEqual([]);
  });

  it('does not accept an override nested under another package, or one that is itself a tag', () => {
    const elsewhere: PackageJson = { overrides: { other: { chardet: '4.1.0' }, extra: '1.0.0' } };
    expect(findUnpinnedDistTags(lock, elsewhere).map((tag) => tag.name)).toEqual(['chardet']);
    const stillTag: PackageJson = { overrides: { chardet: 'latest', extra: '1.0.0' } };
    expect(findUnpinnedDistTags(lock, stillTag).map((tag) => tag.name)).toEqual(['chardet']);
  });
});
