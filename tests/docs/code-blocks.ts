/**
 * The fenced code blocks of a rule page, classified by the docs conventions:
 *
 * - A line that starts with `❌ Incorrect` or `✅ Correct` labels the `ts` / `js` blocks after
 *   it, up to the next label or heading. Labelled blocks are examples: each one is a file of
 *   its own that must type-check (`ts`) and that the page's rule must report (❌) or leave
 *   alone (✅).
 * - A `js` block whose first line is `// eslint.config.js` is a flat config (a complete module
 *   with no imports: `export default [...]`). Its settings and its options for the page's rule
 *   apply to the examples after it, up to the next heading.
 * - Any other `ts` / `js` block is a file of the page's project that is not an example (a
 *   bridge module the examples import): `ts` ones must type-check, `js` ones must parse.
 *
 * Each page is a project of its own (tsconfig.json at its root, code in `src/`). A block is the
 * file named by a first line `// src/bridge.ts`, else `src/line-<n>.ts` (or `.js`), where n is
 * the line of its opening fence: an unnamed example imports a named `// src/bridge.ts` block as
 * `./bridge.js`, and a binding in a config block names it with `path: 'src/bridge.ts'`.
 */

export type Label = 'incorrect' | 'correct';

export interface CodeBlock {
  /** The first word of the fence's info string, lower case (`ts`, `js`, `sh`). */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence in the page. */
  readonly line: number;
  readonly label: Label | undefined;
  /** Increases at every heading that is not a label: config blocks apply within one section. */
  readonly section: number;
  /** The path in a first-line `// path` comment, if any. */
  readonly fileName: string | undefined;
}

export const TS_LANGS: ReadonlySet<string> = new Set(['ts', 'typescript']);
export const JS_LANGS: ReadonlySet<string> = new Set(['js', 'javascript']);

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const LABEL = /^(?:#{1,6}\s+)?(?:\*\*)?(❌ Incorrect|✅ Correct)/;
const HEADING = /^#{1,6}\s/;
const FILE_COMMENT = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.[cm]?[jt]sx?)\s*$/;
const CONFIG_FILE = /^eslint\.config\.[cm]?js$/;

/** Every fenced block of a Markdown page, with the label and section it is in. */
export function readCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let label: Label | undefined;
  let section = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]!;
    const fence = FENCE.exec(text);
    if (fence) {
      const [, marker, info] = fence;
      const start = index;
      const body: string[] = [];
      for (index += 1; index < lines.length && !lines[index]!.trimStart().startsWith(marker!); index += 1) body.push(lines[index]!);
      const code = `${body.join('\n')}\n`;
      const fileName = FILE_COMMENT.exec(body[0] ?? '')?.[1];
      blocks.push({ lang: info!.toLowerCase(), code, line: start + 1, label, section, fileName });
      continue;
    }
    const labelled = LABEL.exec(text)?.[1];
    if (labelled) label = labelled.startsWith('❌') ? 'incorrect' : 'correct';
    else if (HEADING.test(text)) {
      label = undefined;
      section += 1;
    }
  }
  return blocks;
}

export function isScriptBlock(block: CodeBlock): boolean {
  return TS_LANGS.has(block.lang) || JS_LANGS.has(block.lang);
}

export function isConfigBlock(block: CodeBlock): boolean {
  return JS_LANGS.has(block.lang) && block.fileName !== undefined && CONFIG_FILE.test(block.fileName);
}

/** The config block in force for an example: the last one before it in the same section. */
export function configBlockFor(blocks: readonly CodeBlock[], example: CodeBlock): CodeBlock | undefined {
  return blocks.filter((block) => isConfigBlock(block) && block.section === example.section && block.line < example.line).at(-1);
}
