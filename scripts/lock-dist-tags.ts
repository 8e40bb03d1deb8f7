/**
 * Finds dependencies in package-lock.json that are required through a dist-tag (`latest`,
 * `next`, …) that no `overrides` entry pins. npm re-reads such a spec at `npm ci` time, so the
 * lock stops installing the day the tag moves.
 *
 * `npx tsx scripts/lock-dist-tags.ts` checks the project's own lock and exits 1 with one line per
 * unpinned tag; tests/lockfile.test.ts runs the same check in `npm test`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import semver from 'semver';

interface LockPackage {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface Lockfile {
  packages?: Record<string, LockPackage>;
}

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

export interface UnpinnedTag {
  /** The lock entry that declares the dependency (`node_modules/a`, or `` for the project). */
  from: string;
  name: string;
  tag: string;
}

interface Override {
  /** Package names the override is nested under, outermost first; empty at the top level. */
  parents: string[];
  name: string;
  value: string;
}

const NON_REGISTRY_SPEC = /^(?:npm:|file:|link:|workspace:|git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|\.|\/|~\/)/u;

/** Whether npm reads `spec` as a dist-tag: not a semver range, not a path, URL, alias or repo. */
export function isDistTagSpec(spec: string): boolean {
  const trimmed = spec.trim();
  if (trimmed === '' || semver.validRange(trimmed) !== null) return false;
  if (NON_REGISTRY_SPEC.test(trimmed) || trimmed.includes('/')) return false;
  return /^[a-z0-9][\w.-]*$/iu.test(trimmed);
}

/** `name` or `name@range` (scoped names keep their leading `@`). */
function overrideName(key: string): string {
  const at = key.indexOf('@', 1);
  return at === -1 ? key : key.slice(0, at);
}

function collectOverrides(tree: Record<string, unknown>, parents: string[], out: Override[]): Override[] {
  for (const [key, value] of Object.entries(tree)) {
    if (key === '.') continue;
    const name = overrideName(key);
    if (typeof value === 'string') out.push({ parents, name, value });
    else if (value !== null && typeof value === 'object') {
      const own = (value as Record<string, unknown>)['.'];
      if (typeof own === 'string') out.push({ parents, name, value: own });
      collectOverrides(value as Record<string, unknown>, [...parents, name], out);
    }
  }
  return out;
}

/** An override value pins a version when it, or the root dependency it names with `$`, is a semver range. */
function pinsVersion(value: string, manifest: PackageJson): boolean {
  const spec = value.startsWith('$') ? (manifest.devDependencies?.[value.slice(1)] ?? manifest.dependencies?.[value.slice(1)]) : value;
  return spec !== undefined && !isDistTagSpec(spec);
}

/** Package names along a lock path: `node_modules/a/node_modules/@s/b` → `['a', '@s/b']`. */
function namesOnPath(lockPath: string): string[] {
  return lockPath
    .split(/(?:^|\/)node_modules\//u)
    .filter((part) => part !== '');
}

export function findUnpinnedDistTags(lock: Lockfile, manifest: PackageJson): UnpinnedTag[] {
  const overrides = collectOverrides(manifest.overrides ?? {}, [], []);
  const found: UnpinnedTag[] = [];
  for (const [from, entry] of Object.entries(lock.packages ?? {})) {
    const ancestors = namesOnPath(from);
    const declared = { ...entry.peerDependencies, ...entry.optionalDependencies, ...entry.devDependencies, ...entry.dependencies };
    for (const [name, spec] of Object.entries(declared)) {
      if (!isDistTagSpec(spec)) continue;
      const pinned = overrides.some(
        (override) =>
          override.name === name && override.parents.every((parent) => ancestors.includes(parent)) && pinsVersion(override.value, manifest),
      );
      if (!pinned) found.push({ from, name, tag: spec });
    }
  }
  return found;
}

export function describeUnpinnedTag({ from, name, tag }: UnpinnedTag): string {
  const by = from === '' ? 'package.json' : from.replace(/^.*node_modules\//u, '');
  return (
    `${name} is required as "${tag}" by ${by}: a dist-tag moves, and \`npm ci\` fails once it does. ` +
    `Pin it in package.json: "overrides": { "${by}": { "${name}": "<exact version>" } }.`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as Lockfile;
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as PackageJson;
  const unpinned = findUnpinnedDistTags(lock, manifest);
  for (const tag of unpinned) console.error(describeUnpinnedTag(tag));
  process.exitCode = unpinned.length === 0 ? 0 : 1;
}
