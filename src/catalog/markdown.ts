import type { Catalog, CodeEntry } from './catalog.js';
import { CODE_FLAGS, type CodeFlag, type RetryClass } from './types.js';

export const GENERATED_NOTICE = '<!-- Generated from the catalog by `npm run docs`. Do not edit by hand. -->';

const RETRY_TEXT: Record<RetryClass, string> = {
  never: 'permanent: retrying cannot help',
  backoff: 'transient: retry with bounded exponential backoff and jitter',
  'after-delay': 'wait the delay the server gives (`retryAfter`, `Retry-After`), then retry',
  'after-refresh': 'refresh something first (token, record, change tag), then retry once',
  reauthenticate: 'the user must sign in again',
};

const FLAG_TEXT: Record<CodeFlag, string> = {
  aggregate: 'the error wraps per-item errors; act on those, not on this code',
  siblingFailed: "this item failed only because another item of an atomic batch failed; the code to act on is the other item's",
  clientOnly: 'produced by the client or SDK, never sent by the server',
  deprecated: 'no longer returned, or marked deprecated by the system',
  runtimeOnly: "exists at run time but not in the SDK's type declarations",
};

/** The Markdown page `docs/catalogs/<id>.md` for one catalog. */
export function renderCatalogMarkdown(catalog: Catalog): string {
  const { bindings } = catalog;
  const lines: string[] = [GENERATED_NOTICE, '', `# ${catalog.name} (\`${catalog.id}\`)`, '', catalog.description, ''];

  lines.push('## How code reaches these codes', '');
  lines.push(`- Code kind: ${catalog.codeKind === 'number' ? 'numbers' : 'strings'}; ${catalog.codes.length} codes.`);
  if (bindings.modules.length > 0) lines.push(`- Modules: ${bindings.modules.map(code).join(', ')}`);
  if (bindings.globals?.length) lines.push(`- Globals: ${bindings.globals.map(code).join(', ')}`);
  if (bindings.baseUrls?.length) lines.push(`- API base URLs: ${bindings.baseUrls.map(code).join(', ')}`);
  for (const errorType of bindings.errorTypes) {
    lines.push(`- Error type: ${code(errorType.name)} declared in ${errorType.packages.map(code).join(', ')}`);
  }
  for (const accessor of bindings.accessors) {
    const group = accessor.group === undefined ? '' : ` (codes of group ${code(accessor.group)} only)`;
    const description = accessor.description === undefined ? '' : `: ${escapeCell(accessor.description)}`;
    lines.push(`- Code read from ${code(accessor.path)}${group}${description}`);
  }
  if (bindings.constructors?.length) {
    lines.push(`- Constructors taking a code first: ${bindings.constructors.map((name) => code(`new ${name}(code, …)`)).join(', ')}`);
  }
  if (bindings.constants) {
    const { import: source } = bindings.constants;
    lines.push(`- Constants: ${code(bindings.constants.expression)}, imported with ${code(importText(source.kind, source.name, source.module))}`);
  } else {
    lines.push('- Constants: none built in (bind your own constants object through `settings[\'error-codes\'].bindings`).');
  }
  lines.push('');

  lines.push('## Codes', '');
  lines.push('| Code | Value | Meaning | Retry | HTTP | Category | Flags | Sources |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const entry of catalog.codes) lines.push(codeRow(catalog, entry));
  lines.push('');
  lines.push('A code shown without a constant expression has no constant in the SDK\'s type declarations: no fix can write it as a constant.', '');

  if (catalog.customRanges.length > 0) {
    lines.push('## Application-defined ranges', '');
    for (const range of catalog.customRanges) lines.push(`- ${range.from} to ${range.to}: ${range.meaning}`);
    lines.push('');
  }

  lines.push('## Retry classes', '');
  for (const [retry, text] of Object.entries(RETRY_TEXT)) {
    const count = catalog.codes.filter((entry) => entry.retry === retry).length;
    lines.push(`- ${code(retry)} (${count}): ${text}`);
  }
  lines.push('');

  const flagged = CODE_FLAGS.map((flag) => ({ flag, entries: catalog.codes.filter((entry) => entry.flags.includes(flag)) })).filter(
    ({ entries }) => entries.length > 0,
  );
  if (flagged.length > 0) {
    lines.push('## Flags', '');
    for (const { flag, entries } of flagged) lines.push(`- ${code(flag)}: ${FLAG_TEXT[flag]}: ${entries.map((entry) => codeName(catalog, entry)).join(', ')}.`);
    lines.push('');
  }

  if (catalog.notes.length > 0) {
    lines.push('## Notes and discrepancies', '');
    for (const note of catalog.notes) lines.push(`- ${note}`);
    lines.push('');
  }

  lines.push('## Sources', '');
  for (const [id, source] of Object.entries(catalog.sources)) {
    const details = [source.version, source.location].filter((part) => part !== undefined && part !== '').join(', ');
    lines.push(`- ${code(id)}: ${source.title}${details === '' ? '' : ` (${details})`}`);
  }
  lines.push('');
  return lines.join('\n');
}

function codeRow(catalog: Catalog, entry: CodeEntry): string {
  const name = catalog.constantExpression(entry) ?? entry.name;
  const meaning = [escapeCell(entry.meaning)];
  const sameMeaning = entry.aliases.filter((alias) => alias.meaning === undefined).map((alias) => alias.name);
  if (sameMeaning.length > 0) meaning.push(`Also named: ${sameMeaning.join(', ')}.`);
  for (const other of entry.otherMeanings) meaning.push(`Also documented as ${other.name}: ${escapeCell(other.meaning ?? '')}.`);
  if (entry.notes !== undefined) meaning.push(`Note: ${escapeCell(entry.notes)}`);
  const cells = [
    code(name),
    code(typeof entry.value === 'string' ? JSON.stringify(entry.value) : String(entry.value)),
    meaning.join('<br>'),
    code(entry.retry),
    entry.httpStatus.join(', '),
    entry.category,
    entry.flags.join(', '),
    entry.sources.join(', '),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** `partialFailure (2)` for numbers, `ATOMIC_ERROR` for strings, whose name is the value. */
function codeName(catalog: Catalog, entry: CodeEntry): string {
  return catalog.codeKind === 'number' ? `${code(entry.name)} (${String(entry.value)})` : code(entry.name);
}

function importText(kind: string, name: string, module: string): string {
  switch (kind) {
    case 'default':
      return `import ${name} from '${module}'`;
    case 'named':
      return `import { ${name} } from '${module}'`;
    case 'namespace':
      return `import * as ${name} from '${module}'`;
    default:
      return `import ${name} = require('${module}')`;
  }
}

function code(text: string): string {
  return `\`${text.replaceAll('|', '\\|')}\``;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
