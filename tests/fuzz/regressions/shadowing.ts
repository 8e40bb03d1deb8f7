// @ts-nocheck
import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
import * as CloudKit from 'tsl-apple-cloudkit';
import type { NativeCloudKitError } from './bridge.js';

declare const err: Parse.Error;
declare const de: DrupalError;
declare const ck: CloudKit.CKError;
declare const native: NativeCloudKitError;

function shadowParam(Parse: { Error: { INVALID_SESSION_TOKEN: number } }, e: any) {
  if (e.code === 209) return Parse.Error.INVALID_SESSION_TOKEN;
  if (err.code === 209) return Parse.Error.NOPE;
  return new Parse.Error(209, 'not the SDK');
}

{
  const DrupalError = { OTHER_CAUSE: 1 };
  if (de.code === 1 || de.getErrorCode() === 42 || de.code === DrupalError.OTHER_CAUSE) {}
  class CloudKit {}
  if (ck.ckErrorCode === 'THROTTLED' || ck.serverErrorCode === 'NOT_FOUND') {}
}

try {
  await new Parse.Query('X').find();
} catch (Parse) {
  const e = Parse;
  if (e.code === 209 || err.code === 101) throw new Parse.Error(209, 'shadowed by the catch parameter');
}

for (const DrupalError of [de]) {
  switch (DrupalError.code) { case 1: case DrupalError.OTHER_CAUSE: break; }
}

const p = (Parse: any) => (CloudKit: any) => (DrupalError: any) => [err.code === 209, ck.ckErrorCode === 'ZONE_BUSY', de.code === 100, native.code === 23];

namespace Inner {
  const Parse = { Error: class {} };
  export const x = err.code === 209 ? new Parse.Error() : null;
}

enum Codes { Session = 209, Missing = 101 }
declare const union: 'THROTTLED' | 'ZONE_BUSY';
if (union === 'THROTLED' || (err as Parse.Error).code === Codes.Session || (<any>err).code === 209 || err!.code === 209) {}
switch (err.code as number) { case 209: case Codes.Missing: break; }
if (ck.ckErrorCode satisfies string === 'THROTTLED') {}
const { code } = err;
if (code === 209 || native.code === 2) {}
