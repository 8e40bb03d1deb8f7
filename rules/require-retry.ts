import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import type { TSESLint } from '@typescript-eslint/utils';

import type { CodeEntry } from '../src/catalog/catalog.js';
import type { RetryClass } from '../src/catalog/types.js';
import { createCallMatcher, DEFAULT_LOGGERS, LOGGERS_SCHEMA, specifierListSchema } from '../src/analysis/callees.js';
import type { CodeBranch } from '../src/analysis/code-branches.js';
import { adviceText, byUrgency, codesText } from '../src/analysis/describe.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { createRetryAnalysis, DEFAULT_SLEEPERS, type Retry, type Wait } from '../src/analysis/retry.js';
import { delaySources, delayVaries, oneFormParse, readsServerDelay, secondsDelay } from '../src/analysis/retry-delay.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /** A rethrow (or `return e`, `reject(e)`, `next(e)`) counts as a retry: the caller retries. */
    allowRethrow?: boolean;
    /** Functions of your own that run an operation with retries (typescript-eslint `TypeOrValueSpecifier`s). */
    retryHelpers?: TypeOrValueSpecifier[];
    /** Functions that wait the milliseconds they are given (typescript-eslint `TypeOrValueSpecifier`s). */
    sleepers?: TypeOrValueSpecifier[];
    /** Calls that only log (typescript-eslint `TypeOrValueSpecifier`s). */
    loggers?: TypeOrValueSpecifier[];
    /** `after-delay` codes must wait the server's delay, in milliseconds. */
    serverDelay?: boolean;
    /** A `Retry-After` header must be parsed in both its forms (seconds and HTTP-date). */
    retryAfterParsing?: boolean;
    /** Retry loops, recursions and helpers must have an attempt limit. */
    bounded?: boolean;
    /** `backoff` codes must wait a delay that grows with the attempt. */
    backoff?: boolean;
  },
];

export type MessageIds = 'missingRetry' | 'serverDelay' | 'delayInSeconds' | 'multiplyBy1000' | 'retryAfterParsing' | 'unbounded' | 'backoff';

const RETRYABLE: ReadonlySet<RetryClass> = new Set(['backoff', 'after-delay', 'after-refresh']);
/** Catalogs whose server delay is a number of seconds on the error (`retryAfter`, `retryAfterSeconds`). */
const SECONDS_CATALOGS = new Set(['cloudkit-js', 'cloudkit']);

const defaultOption: Required<Options[0]> = {
  allowRethrow: true,
  retryHelpers: [],
  sleepers: [...DEFAULT_SLEEPERS],
  loggers: [...DEFAULT_LOGGERS],
  serverDelay: true,
  retryAfterParsing: true,
  bounded: true,
  backoff: false,
};

export default createRule<Options, MessageIds>({
  name: 'require-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require branches for transient error codes to retry, bounded and after the delay the server asks for',
      recommended: 'strict',
      strictOptions: { backoff: true },
    },
    defaultOptions: [defaultOption],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowRethrow: { type: 'boolean', description: 'Whether letting the error through (`throw e`, `throw new …`, `return e`, `reject(e)`, `next(e)`) counts as a retry, left to a caller that retries. Default: `true`.' },
          retryHelpers: specifierListSchema('Functions of your own that run an operation with retries (typescript-eslint `TypeOrValueSpecifier`s). p-retry, async-retry, exponential-backoff, promise-retry, retry and cockatiel are known by their import, whatever their local name.'),
          sleepers: specifierListSchema('Functions that wait the milliseconds they are given as their first argument (typescript-eslint `TypeOrValueSpecifier`s). `setTimeout` is always one.'),
          loggers: LOGGERS_SCHEMA,
          serverDelay: { type: 'boolean', description: "Whether a retry of an `after-delay` code must wait the server's delay (`retryAfter`, the `Retry-After` header), in milliseconds. Default: `true`." },
          retryAfterParsing: { type: 'boolean', description: 'Whether a `Retry-After` header must be parsed in both its forms, delay-seconds and HTTP-date. Default: `true`.' },
          bounded: { type: 'boolean', description: 'Whether a retry loop, recursion or helper must have an attempt limit. Default: `true`.' },
          backoff: { type: 'boolean', description: 'Whether a retry of a `backoff` code must wait a delay that grows with the attempt. Default: `false`; the `strict` config sets `true`.' },
        },
      },
    ],
    messages: {
      missingRetry: 'This branch for {{codes}} does not retry: {{advice}} (a bounded loop, a call of the operation again, a retry helper, or a rethrow to a caller that retries).',
      serverDelay: "This retry of {{codes}} {{waits}}: wait the delay the server gives ({{source}}).",
      delayInSeconds: '`{{expression}}` is a number of seconds (and may be fractional), and this call waits milliseconds: multiply it by 1000.',
      multiplyBy1000: 'Wait `{{expression}} * 1000` milliseconds.',
      retryAfterParsing:
        'The Retry-After header is either a number of seconds or an HTTP-date: `{{parse}}` alone {{misreads}}. Read both forms (a number of seconds, else `Date.parse(value) - Date.now()`).',
      unbounded: 'This retry of {{codes}} has no attempt limit: count the attempts and give up after a maximum.',
      backoff: 'This retry of {{codes}} {{waits}}: wait a delay that grows with each attempt (exponential backoff, with jitter).',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;
    const settings = { ...defaultOption, ...options };
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};
    const retries = createRetryAnalysis(binder.context, {
      allowRethrow: settings.allowRethrow,
      helpers: settings.retryHelpers,
      sleepers: settings.sleepers,
      isLogger: createCallMatcher(binder.context, settings.loggers),
    });

    function label(branch: CodeBranch, entries: readonly CodeEntry[]): string {
      return codesText(branch.binding.catalog, entries);
    }

    function check(branch: CodeBranch): void {
      const entries = [...branch.codes].map((value) => binder.entryFor(branch.binding, value));
      if (entries.length === 0 || !entries.every((entry) => entry !== undefined && RETRYABLE.has(entry.retry))) return;
      const ordered = byUrgency(entries as CodeEntry[]);
      const where = retries.contextOf(branch, analysis.handlers());
      if (!where) return;
      const retry = retries.retryOf(branch, where);
      const codes = label(branch, ordered);
      if (!retry) {
        context.report({ node: branch.test, messageId: 'missingRetry', data: { codes, advice: adviceText(ordered[0]!) } });
        return;
      }
      if (retry.kind === 'rethrow') return;
      if (settings.bounded) {
        const at = retries.unbounded(retry);
        if (at) context.report({ node: at, messageId: 'unbounded', data: { codes } });
      }
      // A helper waits as its options say.
      if (retry.kind === 'helper') return;
      const waits = retries.waitsOf(branch, retry);
      const delayed = ordered.filter((entry) => entry.retry === 'after-delay');
      if (settings.serverDelay && delayed.length > 0) checkServerDelay(branch, retry, waits, label(branch, delayed));
      if (settings.retryAfterParsing) {
        for (const wait of waits) {
          const parse = wait.delay && oneFormParse(delaySources(sourceCode, wait.delay));
          if (!parse) continue;
          context.report({
            node: parse.node,
            messageId: 'retryAfterParsing',
            data: { parse: sourceCode.getText(parse.node), misreads: parse.form === 'seconds' ? 'turns the date form into NaN, and NaN waits nothing' : 'misreads the seconds form' },
          });
        }
      }
      const backoff = ordered.filter((entry) => entry.retry === 'backoff');
      if (settings.backoff && backoff.length > 0 && !waits.some((wait) => wait.delay && delayVaries(sourceCode, delaySources(sourceCode, wait.delay)))) {
        const at = waits.find((wait) => wait.delay)?.delay ?? retry.node;
        context.report({ node: at, messageId: 'backoff', data: { codes: label(branch, backoff), waits: waits.length > 0 ? 'waits the same delay every time' : 'runs again at once' } });
      }
    }

    function checkServerDelay(branch: CodeBranch, retry: Retry, waits: readonly Wait[], codes: string): void {
      const catalog = branch.binding.catalog;
      const source = SECONDS_CATALOGS.has(catalog.id) ? (catalog.id === 'cloudkit' ? '`retryAfterSeconds`, in seconds' : '`retryAfter`, in seconds') : 'the `Retry-After` header';
      const server = waits.find((wait) => wait.delay && readsServerDelay(delaySources(sourceCode, wait.delay)));
      if (!server) {
        const at = waits.find((wait) => wait.delay)?.delay ?? retry.node;
        context.report({ node: at, messageId: 'serverDelay', data: { codes, waits: waits.length > 0 ? 'waits a fixed delay' : 'runs again at once', source } });
        return;
      }
      if (!SECONDS_CATALOGS.has(catalog.id)) return;
      const seconds = secondsDelay(sourceCode, server.delay!);
      if (!seconds) return;
      const delay = server.delay!;
      const text = sourceCode.getText(delay);
      const needsParentheses = !/^[\w$.?]+$/u.test(text);
      const expression = needsParentheses ? `(${text})` : text;
      context.report({
        node: delay,
        messageId: 'delayInSeconds',
        data: { expression: sourceCode.getText(seconds) },
        suggest: [{ messageId: 'multiplyBy1000', data: { expression }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(delay, `${expression} * 1000`) }],
      });
    }

    return {
      'Program:exit'() {
        for (const branch of analysis.codeBranches()) check(branch);
      },
    };
  },
});
