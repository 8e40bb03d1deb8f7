/**
 * The Options table of a rule page, as `tests/meta.test.ts` expects it: one row per option of
 * the rule's schema, in schema order, with its type, the default the rule really uses and the
 * schema's description.
 *
 * | Option | Type | Default | Description |
 * | --- | --- | --- | --- |
 * | `allow` | `(number \| string)[]` | `[]` | Code values that may stay literal. |
 */
import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';

/** The parts of a rule's JSON Schema that the table reads. */
export interface OptionSchema {
  type?: string | string[];
  items?: OptionSchema | OptionSchema[];
  enum?: unknown[];
  properties?: Record<string, OptionSchema>;
  additionalProperties?: boolean | OptionSchema;
  description?: string;
}

export const OPTIONS_TABLE_HEADER = '| Option | Type | Default | Description |\n| --- | --- | --- | --- |';

/** The expected table for a rule's first schema element and default options. */
export function expectedOptionsTable(schema: OptionSchema | undefined, defaults: Readonly<Record<string, unknown>>): string {
  const rows = Object.entries(schema?.properties ?? {}).map(([name, property]) =>
    [`\`${name}\``, `\`${typeText(property)}\``, name in defaults ? `\`${valueText(defaults[name])}\`` : '', property.description ?? '']
      .map((cell) => cell.replaceAll('|', '\\|'))
      .join(' | '),
  );
  return [OPTIONS_TABLE_HEADER, ...rows.map((row) => `| ${row} |`)].join('\n');
}

/** The table that follows `## Options` on a page (its consecutive `|` lines), or '' without one. */
export function optionsTableOf(doc: string): string {
  const section = doc.slice(doc.indexOf('\n## Options\n'));
  const start = section.indexOf(OPTIONS_TABLE_HEADER);
  if (!doc.includes('\n## Options\n') || start === -1) return '';
  const lines = section.slice(start).split('\n');
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(0, end === -1 ? undefined : end).join('\n');
}

/** A schema as a TypeScript type: `boolean`, `(number | string)[]`, `TypeOrValueSpecifier[]`, `Record<string, …>`. */
function typeText(schema: OptionSchema): string {
  if ((schema.items as unknown) === typeOrValueSpecifiersSchema.items) return 'TypeOrValueSpecifier[]';
  if (schema.enum) return schema.enum.map(valueText).join(' | ');
  const types = [schema.type ?? 'unknown'].flat().map((type) => (type === 'integer' ? 'number' : type));
  if (types.length > 1) return types.join(' | ');
  if (types[0] === 'array' && schema.items && !Array.isArray(schema.items)) {
    const item = typeText(schema.items);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (types[0] === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties) {
    return `Record<string, ${typeText(schema.additionalProperties)}>`;
  }
  return types[0]!;
}

/** A default as it is written in eslint.config.js: `false`, `[]`, `['console', 'log']`, `{ '*': [] }`. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`}: ${valueText(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value as number | boolean);
}
