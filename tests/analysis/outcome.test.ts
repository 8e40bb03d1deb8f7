/**
 * What `outcomeOf` says a handler does with its error, on parsed handler bodies: each effect,
 * every path, nested functions, `finally`, loops, `switch` and `try` inside a handler.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { createCallMatcher, DEFAULT_LOGGERS } from '../../src/analysis/callees.js';
import { type Effect, endsInReturn, type Outcome, outcomeOf, type OutcomeContext } from '../../src/analysis/outcome.js';
import type { BindingContext } from '../../src/binding/context.js';

// Loggers given by name match without type information: no program is needed.
const isLogger = createCallMatcher({ program: null } as BindingContext, DEFAULT_LOGGERS);
const codeNames = new Set(['code', 'getErrorCode', 'ckErrorCode', 'status']);

function contextFor(errorNames: readonly string[]): OutcomeContext {
  return { errorNames: new Set(errorNames), isLogger, isCodeName: (name) => codeNames.has(name) };
}

/** Parses `code` as TypeScript and returns the first node of `type`. */
function firstNode<T extends TSESTree.Node>(code: string, type: AST_NODE_TYPES): T {
  const { ast, visitorKeys } = parseForESLint(code, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' });
  let found: TSESTree.Node | undefined;
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    (node as { parent?: TSESTree.Node }).parent = parent;
    if (!found && node.type === type) found = node;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node, node);
      }
    }
  };
  visit(ast, undefined);
  if (!found) throw new Error(`no ${type} in: ${code}`);
  return found as T;
}

/** The outcome of a `catch (e)` body. */
function ofCatch(body: string, errorNames: readonly string[] = ['e']): Outcome {
  const clause = firstNode<TSESTree.CatchClause>(`async function f() { try { await run(); } catch (e) {\n${body}\n} }`, AST_NODE_TYPES.CatchClause);
  return outcomeOf(clause.body, contextFor(errorNames));
}

/** The outcome of an arrow handler's body: `(e) => expression` or `(e) => { … }`. */
function ofArrow(arrow: string, errorNames: readonly string[] = ['e']): Outcome {
  const fn = firstNode<TSESTree.ArrowFunctionExpression>(`run().catch(${arrow});`, AST_NODE_TYPES.ArrowFunctionExpression);
  return outcomeOf(fn.body, contextFor(errorNames));
}

function summary(outcome: Outcome): { propagates: boolean; empty: boolean; logOnly: boolean; effects: Effect[] } {
  return { propagates: outcome.propagates, empty: outcome.empty, logOnly: outcome.logOnly, effects: [...outcome.effects].sort() };
}

const propagating = (effects: Effect[]) => ({ propagates: true, empty: false, logOnly: false, effects });
const swallowing = (effects: Effect[]) => ({ propagates: false, empty: false, logOnly: false, effects });

describe('outcomeOf: each effect', () => {
  it.each([
    ['throw e;', propagating(['rethrow'])],
    ["throw new AppError('failed', { cause: e });", propagating(['throw-new'])],
    ["throw new Error('failed');", propagating(['throw-new'])],
    ['throw (e as Error);', propagating(['rethrow'])],
    ['return e;', propagating(['return-error'])],
    ['return Promise.reject(e);', propagating(['return-error'])],
    ['return await Promise.reject(e);', propagating(['return-error'])],
    ['return { ok: false, error: e };', propagating(['return-error'])],
    ['return [null, e];', propagating(['return-error'])],
    ['next(e);', propagating(['pass-on'])],
    ['reject(e);', propagating(['pass-on'])],
    ['await onFailure?.(e);', propagating(['pass-on'])],
    ['report(e.code);', propagating(['pass-on'])],
    ['store.fail({ reason: e });', propagating(['pass-on'])],
    ['return handle(e);', propagating(['pass-on'])],
    ['console.error(e);', { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ["this.logger.warn('load failed', e); return;", { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ['Sentry.captureException(e);', { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ['return console.error(e);', { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ['return [];', swallowing(['return-value'])],
    ['return;', { propagates: false, empty: true, logOnly: false, effects: [] }],
    ['', { propagates: false, empty: true, logOnly: false, effects: [] }],
    [';', { propagates: false, empty: true, logOnly: false, effects: [] }],
    ['// nothing to do', { propagates: false, empty: true, logOnly: false, effects: [] }],
    ['this.error = e;', swallowing(['other'])],
    ['toast(e.message);', swallowing(['other'])],
    ['toast(String(e));', swallowing(['other'])],
    ['toast(`${e}`);', swallowing(['other'])],
    ['console.error(e); toast(e.message);', swallowing(['log', 'other'])],
    ['console.error(e); return null;', swallowing(['log', 'return-value'])],
    ['console.error(e); throw e;', propagating(['log', 'rethrow'])],
  ])('%s', (body, expected) => {
    expect(summary(ofCatch(body))).toEqual(expected);
  });

  it('a logger configured by name is a logger, any other call is not', () => {
    const clause = firstNode<TSESTree.CatchClause>('try { run(); } catch (e) { audit.record(e); }', AST_NODE_TYPES.CatchClause);
    const withAudit = createCallMatcher({ program: null } as BindingContext, ['audit']);
    expect(outcomeOf(clause.body, { ...contextFor(['e']), isLogger: withAudit }).logOnly).toBe(true);
    expect(outcomeOf(clause.body, contextFor(['e'])).propagates).toBe(true);
  });

  it('a call that turns the error into text does not pass it on', () => {
    const clause = firstNode<TSESTree.CatchClause>('try { run(); } catch (e) { return describe(e); }', AST_NODE_TYPES.CatchClause);
    const isFormatter = (call: TSESTree.CallExpression) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'describe';
    expect(summary(outcomeOf(clause.body, { ...contextFor(['e']), isFormatter }))).toEqual(swallowing(['return-value']));
    expect(summary(outcomeOf(clause.body, contextFor(['e'])))).toEqual(propagating(['pass-on']));
  });

  it('the code of a destructured error is the error', () => {
    expect(ofCatch('next(code);', ['code']).propagates).toBe(true);
    expect(ofCatch('next(message);', ['code']).propagates).toBe(false);
  });

  it('the message alone, or the error under another name, carries no code', () => {
    expect(summary(ofCatch('next(e.message);'))).toEqual(swallowing(['other']));
    expect(summary(ofCatch('next(err);'))).toEqual(swallowing(['other']));
  });
});

describe('outcomeOf: arrow handlers', () => {
  it.each([
    ['(e) => e', propagating(['return-error'])],
    ['(e) => Promise.reject(e)', propagating(['return-error'])],
    ['(e) => next(e)', propagating(['pass-on'])],
    ['(e) => { throw e; }', propagating(['rethrow'])],
    ['(e) => console.error(e)', { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ['(e) => void console.error(e)', { propagates: false, empty: false, logOnly: true, effects: ['log'] }],
    ['() => []', swallowing(['return-value'])],
    ['() => null', swallowing(['return-value'])],
    ['() => {}', { propagates: false, empty: true, logOnly: false, effects: [] }],
    ["(e) => (e.code === 209 ? signOut() : Promise.reject(e))", swallowing(['return-error', 'return-value'])],
    ['(e) => (isRetryable(e) ? Promise.reject(e) : next(e))', propagating(['pass-on', 'return-error'])],
  ])('%s', (arrow, expected) => {
    expect(summary(ofArrow(arrow))).toEqual(expected);
  });
});

describe('outcomeOf: every path', () => {
  it.each([
    ['if (e.code !== 209) throw e; signOut();', false],
    ['if (e.code === 209) throw e; return true;', false],
    ['if (e.code === 209) { await signOut(); } throw e;', true],
    ['if (e.code === 209) return e; else throw e;', true],
    ['if (online) throw e;', false],
    ['if (online) return; throw e;', false],
    ['return online ? e : null;', false],
    ['e.code === 209 ? signOut() : next(e);', false],
    ['isAuth(e) ? next(e) : reject(e);', true],
    // finally: a return there cancels the rethrow; a plain finally does not.
    ['try { throw e; } finally { return 1; }', false],
    ['try { throw e; } finally { cleanup(); }', true],
    ['try { await cleanup(); } finally { throw e; }', true],
    ['try { throw e; } finally { if (done) return 1; }', false],
    // try inside a handler: the inner catch runs for what the try block throws.
    ['try { await Parse.User.logOut(); } catch {} throw e;', true],
    ['try { throw e; } catch (inner) { console.warn(inner); }', false],
    ['try { throw e; } catch (inner) { throw inner; }', true],
    ['try { await refresh(); throw e; } catch (inner) { return null; }', false],
    // Loops: a loop may not run, a do-while runs once, an endless loop ends only by break; break and continue leave the loop.
    ['for (const hook of hooks) throw e;', false],
    ['for (const hook of hooks) hook(e); throw e;', true],
    ['while (retries-- > 0) { await wait(); } throw e;', true],
    ['for (const hook of hooks) { if (hook.done) return null; } throw e;', false],
    ['do { throw e; } while (false);', true],
    ['do { if (skip) break; throw e; } while (false);', false],
    ['do { if (skip) continue; throw e; } while (retry());', false],
    ['while (true) { if (attempts++ > 3) throw e; await wait(); }', true],
    ['for (;;) { if (attempts++ > 3) break; await wait(); } throw e;', true],
    ['for (;;) { if (attempts++ > 3) break; await wait(); }', false],
    // switch: every way in must propagate; a case without break runs the next; break leaves only the switch.
    ['switch (e.code) { case 209: signOut(); break; default: throw e; }', false],
    ['switch (e.code) { case 209: signOut(); throw e; default: throw e; }', true],
    ['switch (e.code) { case 209: signOut(); default: throw e; }', true],
    ['switch (e.code) { case 209: throw e; case 101: throw e; }', false],
    ['switch (e.code) { case 209: signOut(); break; } throw e;', true],
    ['switch (e.code) { case 209: return null; default: break; } throw e;', false],
    ['switch (e.code) { case 209: if (x) break; throw e; default: throw e; }', false],
    // Labels: a break out of a labeled block goes on after it.
    ['done: { if (x) break done; throw e; }', false],
    ['done: { if (x) break done; await cleanup(); } throw e;', true],
  ])('%s → propagates: %s', (body, propagates) => {
    expect(ofCatch(body).propagates).toBe(propagates);
  });

  it('a throw inside a nested function is not the handler’s', () => {
    expect(summary(ofCatch('setTimeout(() => { throw e; });'))).toEqual(swallowing(['other']));
    expect(summary(ofCatch('queueMicrotask(function () { throw e; });'))).toEqual(swallowing(['other']));
    expect(summary(ofCatch('function rethrow() { throw e; } console.warn(e);'))).toEqual({ propagates: false, empty: false, logOnly: false, effects: ['log'] });
    expect(ofCatch('return new Promise(() => { throw e; });').propagates).toBe(false);
  });

  it('continue is an effect of its own; break is none', () => {
    expect([...ofCatch('for (const x of xs) { if (x) continue; }').effects]).toContain('continue');
    expect([...ofCatch('for (const x of xs) { if (x) break; }').effects]).not.toContain('other');
  });

  it('endsInReturn: some path of the block returns', () => {
    const finalizer = (code: string) => firstNode<TSESTree.TryStatement>(`function f() { try { run(); } finally { ${code} } }`, AST_NODE_TYPES.TryStatement).finalizer!;
    expect(endsInReturn(finalizer('return x;'))).toBe(true);
    expect(endsInReturn(finalizer('if (done) return x; cleanup();'))).toBe(true);
    expect(endsInReturn(finalizer('cleanup();'))).toBe(false);
    expect(endsInReturn(finalizer('items.forEach(() => { return; });'))).toBe(false);
  });

  it('a case’s statements and an if’s consequent are outcomes too', () => {
    const switchCase = firstNode<TSESTree.SwitchCase>('switch (e.code) { case 209: console.warn(e); break; }', AST_NODE_TYPES.SwitchCase);
    expect(summary(outcomeOf(switchCase.consequent, contextFor(['e'])))).toEqual({ propagates: false, empty: false, logOnly: true, effects: ['log'] });
    const emptyCase = firstNode<TSESTree.SwitchCase>('switch (e.code) { case 209: break; }', AST_NODE_TYPES.SwitchCase);
    expect(outcomeOf(emptyCase.consequent, contextFor(['e'])).empty).toBe(true);
    const ifStatement = firstNode<TSESTree.IfStatement>('if (e.code === 209) { await signOut(); return; }', AST_NODE_TYPES.IfStatement);
    expect(summary(outcomeOf([ifStatement.consequent], contextFor(['e'])))).toEqual(swallowing(['other']));
  });
});
