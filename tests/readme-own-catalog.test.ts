/**
 * The README's "Add your own catalog" walkthrough is the app in tests/fixtures/own-catalog:
 * every file it shows is that file verbatim, the catalog loads with the loader, the app
 * type-checks, and linting it with its own eslint.config.js gives exactly the reports (and the
 * suggestion) that the README shows.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { catalogFromFile } from '../src/catalog/load.js';
import { projectTypeErrors } from './type-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = path.join(root, 'tests', 'fixtures', 'own-catalog');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const heading = '## Add your own catalog\n';
const section = readme.slice(readme.indexOf(heading), readme.indexOf('\n## ', readme.indexOf(heading) + heading.length));

describe('README: Add your own catalog', () => {
  it('is a section of the README', () => {
    expect(readme).toContain(heading);
  });

  it.each([
    ['errors/shop-api.json', 'json'],
    ['src/api.ts', 'ts'],
    ['eslint.config.js', 'js'],
    ['src/checkout.ts', 'ts'],
  ])('shows %s as it is', (file, lang) => {
    expect(section).toContain(`\`${file}\``);
    expect(section).toContain(`\`\`\`${lang}\n${readFileSync(path.join(app, file), 'utf8')}\`\`\``);
  });

  it('the catalog loads with the loader, from the working directory the README names', () => {
    const catalog = catalogFromFile('./errors/shop-api.json', app);
    expect(catalog).toMatchObject({ id: 'shop-api', name: 'Shop API', codeKind: 'number' });
    expect(catalog.codes.map((entry) => [entry.name, entry.value, entry.constant])).toEqual([
      ['CART_EXPIRED', 4101, false],
      ['OUT_OF_STOCK', 4102, false],
      ['SESSION_EXPIRED', 4401, false],
      ['RATE_LIMITED', 4429, false],
    ]);
  });

  it('the app type-checks', () => {
    expect(projectTypeErrors(app)).toEqual([]);
  });

  it('npx eslint src reports what the README shows, with the suggestion it quotes', async () => {
    const eslint = new ESLint({ cwd: app });
    const results = await eslint.lintFiles(['src']);
    const lines = results
      .filter((result) => result.messages.length > 0)
      .flatMap((result) => [
        path.relative(app, result.filePath),
        // As the CLI's stylish output writes them: without the message's final period.
        ...result.messages.map((message) => `  ${message.line}:${message.column}  ${message.severity === 2 ? 'error' : 'warning'}  ${message.message.replace(/([^ ])\.$/, '$1')}  ${message.ruleId ?? 'fatal'}`),
      ]);
    expect(section).toContain(`\`\`\`text\n${lines.join('\n')}\n\`\`\``);
    const suggestions = results.flatMap((result) => result.messages.flatMap((message) => message.suggestions ?? []));
    expect(suggestions).toHaveLength(1);
    expect(section).toContain(`"${suggestions[0]?.desc}"`);
  });

  it('a relative catalog path depends on the working directory; one built from import.meta.dirname does not', async () => {
    // A fresh process, as an editor that runs ESLint from the workspace folder: the path is resolved from there.
    const run = () =>
      execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--config', path.join(app, 'eslint.config.js'), path.join(app, 'src')], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).toThrow(`./errors/shop-api.json: cannot be read: no file at ${path.join(root, 'errors/shop-api.json')}`);
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: path.join(app, 'eslint.config.js'),
      overrideConfig: { settings: { 'error-codes': { catalogs: [path.join(app, 'errors/shop-api.json')] } } },
    });
    const [result] = await eslint.lintFiles([path.join(app, 'src/checkout.ts')]);
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['error-codes/no-magic-error-codes', 'error-codes/no-unknown-error-codes']);
  });
});
