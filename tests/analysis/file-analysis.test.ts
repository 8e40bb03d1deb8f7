import { describe, expect, it } from 'vitest';

import { type FileAnalysis, getFileAnalysis } from '../../src/analysis/file-analysis.js';
import { probeFile } from '../probe.js';

/** What the shared analysis of an untyped (espree) file finds. */
function analyse(code: string): { reaches: boolean; handlers: number; sites: number; responses: number; nodes: number } {
  return probeFile(code, 'file.js', { sourceType: 'module' }, (context) => {
    const analysis: FileAnalysis = getFileAnalysis(context as never);
    return { reaches: analysis.reachesCatalog(), handlers: analysis.handlers().length, sites: analysis.codeSites().length, responses: analysis.responses().flows.length, nodes: analysis.nodes().length };
  });
}

const HANDLER = `
async function save(problem, item) {
  try {
    await item.save();
  } catch (error) {
    if (error.code === 209) return null;
    if (problem.code === 101) throw error;
  }
}`;

describe('shared analysis of an untyped file', () => {
  it('looks at nothing when the file reaches no catalog: no SDK name, global or API host', () => {
    expect(analyse(HANDLER)).toMatchObject({ reaches: false, handlers: 0, sites: 0, responses: 0 });
    // The node list itself is still there for rules that read the whole file.
    expect(analyse(HANDLER).nodes).toBeGreaterThan(20);
  });

  it('finds handlers and code sites once the file imports an SDK', () => {
    expect(analyse(`import Parse from 'parse';\n${HANDLER}\nexport const user = new Parse.User();`)).toMatchObject({ reaches: true, handlers: 1, sites: 0 });
    expect(analyse(`import Parse from 'parse';\n${HANDLER.replace('item.save()', 'Parse.User.logIn("a", "b")')}`)).toMatchObject({ handlers: 1, sites: 1 });
  });

  it('counts a global named only as a property (window.CloudKit) and an API host in the text', () => {
    const cloudkit = `const db = window.CloudKit.getDefaultContainer().publicCloudDatabase;
export async function load(names) { const response = await db.fetchRecords(names); return response.records; }`;
    expect(analyse(cloudkit)).toMatchObject({ reaches: true, responses: 1 });
    const bkend = `export async function load() {
  const res = await fetch('https://api-client.bkend.ai/v1/data/items');
  const body = await res.json();
  if (body.error === 'NOT_FOUND') return [];
  return body.items;
}`;
    expect(analyse(bkend).sites).toBe(1);
    expect(analyse(bkend.replace('api-client.bkend.ai', 'api.example.com'))).toMatchObject({ reaches: false, sites: 0 });
  });
});
