import { describe, expect, it } from 'vitest';

import { codeLabel, meaningText, valueText, withArticle } from '../../src/analysis/describe.js';
import { builtinCatalog } from '../../src/catalog/builtin.js';

const parse = builtinCatalog('parse');

describe('report wording', () => {
  it('labels a code by constant and value', () => {
    expect(codeLabel(parse, parse.byValue(209)!)).toBe('Parse.Error.INVALID_SESSION_TOKEN (209)');
    expect(codeLabel(parse, parse.byValue(2)!)).toBe('ServiceUnavailable (2)');
    const cloudkitJs = builtinCatalog('cloudkit-js');
    expect(codeLabel(cloudkitJs, cloudkitJs.byValue('THROTTLED')!)).toBe("CloudKit.CKError.THROTTLED ('THROTTLED')");
    expect(valueText(-1)).toBe('-1');
  });

  it('gives a second documented meaning with its name and meaning', () => {
    expect(meaningText(parse.byValue(101)!)).toBe(
      'the object or session does not exist, or its ACL hides it from the caller (the documentation also uses 101 for UserInvalidLoginParams: login failed because the username or password is wrong)',
    );
  });

  it('names the other meanings when the documentation gives several', () => {
    expect(meaningText(parse.byValue(141)!)).toBe(
      'a Cloud Code function or job failed, usually because its JavaScript threw (the documentation also uses 141 for FunctionNotFound, JobNotFound, SuccessErrorNotCalled, MultupleSuccessErrorCalls)',
    );
  });

  it('keeps the case of acronyms and lowers a sentence start', () => {
    expect(meaningText(builtinCatalog('drupal').byValue(100)!)).toMatch(/^a request to the Drupal site failed/);
    expect(meaningText(parse.byValue(209)!)).toMatch(/^the session token/);
  });
});

describe('withArticle', () => {
  it.each([
    ['Parse', 'a Parse'],
    ['Acme billing API', 'an Acme billing API'],
    ['HTTP status codes', 'an HTTP status codes'],
    ['CloudKit JS', 'a CloudKit JS'],
    ['bkend', 'a bkend'],
    ['SDK', 'an SDK'],
    ['Drupal JavaScript SDK', 'a Drupal JavaScript SDK'],
    ['Uber API', 'an Uber API'],
  ])('%s → %s', (name, expected) => {
    expect(withArticle(name)).toBe(expected);
  });
});
