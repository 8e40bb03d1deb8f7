/**
 * The editor path: a real ESLint language server (vscode-eslint, as VS Code and other editors
 * run it) over stdio lints a file of ours and returns our diagnostics with rule ids, offers the
 * quick fix to the constant, and updates the diagnostics after an edit. The server answers
 * pull diagnostics (`textDocument/diagnostic`, LSP 3.17), as VS Code asks for them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Diagnostic, LspClient } from './lsp-client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverBin = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const file = path.join(root, 'examples/parse-app/src/auth.ts');
const uri = pathToFileURL(file).href;
const workspaceUri = pathToFileURL(root).href;
const text = readFileSync(file, 'utf8');

/** The settings VS Code's ESLint extension sends for a workspace folder. */
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { name: 'eslint-plugin-error-codes', uri: workspaceUri },
};

interface DiagnosticReport {
  kind: 'full' | 'unchanged';
  items: Diagnostic[];
}

interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

interface CodeAction {
  title: string;
  kind?: string;
  edit?: WorkspaceEdit;
  command?: { command: string; arguments?: unknown[] };
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return edit?.documentChanges?.flatMap((change) => change.edits) ?? Object.values(edit?.changes ?? {}).flat();
}

describe('ESLint language server', () => {
  let client: LspClient;
  const appliedEdits: WorkspaceEdit[] = [];

  beforeAll(async () => {
    client = new LspClient(process.execPath, [serverBin, '--stdio'], root);
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('eslint/confirmESLintExecution', () => 4);
    client.onRequest('eslint/probeFailed', () => null);
    client.onRequest('workspace/applyEdit', (params) => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: workspaceUri,
      workspaceFolders: [{ uri: workspaceUri, name: 'eslint-plugin-error-codes' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
      },
    });
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client.shutdown();
  });

  let diagnostics: Diagnostic[] = [];

  const pull = async (): Promise<Diagnostic[]> => {
    const report = await client.request<DiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    return report.items;
  };

  it('returns the plugin diagnostics for an opened file', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    diagnostics = await pull();
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1])).toEqual([
      ['error-codes/no-magic-error-codes', 34, 48],
      ['error-codes/no-unknown-error-codes', 72, 22],
    ]);
    expect(diagnostics[0]?.message).toBe('Use Parse.Error.INVALID_SESSION_TOKEN instead of the literal 209.');
  });

  it('offers the fix to Parse.Error.INVALID_SESSION_TOKEN as a quick fix', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]] },
    });
    const fix = actions.find((action) => action.title.includes('no-magic-error-codes') && !/disable|documentation/i.test(action.title));
    expect(fix, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    // The server's quick fixes are commands; running one makes it send the edit back to the editor.
    let edits = editsOf(fix!.edit);
    if (edits.length === 0 && fix!.command) {
      await client.request('workspace/executeCommand', { command: fix!.command.command, arguments: fix!.command.arguments });
      edits = appliedEdits.flatMap(editsOf);
    }
    expect(edits).toEqual([{ range: diagnostics[0]!.range, newText: 'Parse.Error.INVALID_SESSION_TOKEN' }]);
  });

  it('updates the diagnostics after an edit', async () => {
    // Fix the magic number and the unknown code, and add a new unknown code.
    const edited = text
      .replace('e.code === 209', 'e.code === Parse.Error.INVALID_SESSION_TOKEN')
      .replace('err.code === 212', 'err.code === Parse.Error.MFA_ERROR')
      .replace('e.code === Parse.Error.INVALID_SESSION_TOKEN)', 'e.code === Parse.Error.INVALID_SESSION_TOKEN || e.code === 213)');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const after = await pull();
    expect(after.map((diagnostic) => diagnostic.code)).toEqual(['error-codes/no-unknown-error-codes']);
    expect(after.map((diagnostic) => diagnostic.range.start.line + 1)).toEqual([34]);
    expect(after[0]?.message).toBe('213 is not a Parse error code. Parse reserves 9000-9999 for application-defined codes; list other codes of your own in `allow`.');
  });
});
