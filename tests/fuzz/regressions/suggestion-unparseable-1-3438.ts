#!/usr/bin/env node
// @ts-nocheck
const Parse = require('parse/node');
const drupal = require('drupal-js-sdk');
async function main1() {
for (let attempt = 0; attempt < 3; attempt++) {
  try {
    await NativeModules.CloudKit.save(record);
    break;
  } catch (e) {
    if ((CloudKit.CKError.SERVICE_UNAVAILABLE != (e?.code as number) || (e?.code as number) === drupal.DrupalError.UNKNOWN_ERROR) ? true : (e?.code as number) < 26) { return; }
    
    throw e;
  }
}
}
declare const res2: Response;
async function use4() {
(res2).status ||= (411);
}
async function main17() {
if (ready) {
try {
await drupal.getEntity('node', 1);

} catch (e) {
if ((!((e as any)?.getErrorCode() !== 0o321)) ? true : "INVALID_TOKEN" && (e as any)?.getErrorCode()) { console.log(e); } else if (101 == (e as any)?.getErrorCode() || 250 && (e as any)?.getErrorCode() || (e as any)?.getErrorCode() == 102) { console.log(e); } else if ((e as any)?.getErrorCode() && drupal.DrupalError.Error) { return retry(); } else { throw e; }
if ((128 === (<any>e)?.getErrorCode()) ?? ((<any>e)?.getErrorCode() in drupal.DrupalError["INVALID_ACL"])) { return; } else if ((('200' >= (<any>e)?.getErrorCode()) ?? ((<any>e)?.getErrorCode() === drupal.DrupalError./* c */file_delete_unnamed_error)) ? true : (<any>e)?.getErrorCode() === '70') { await sleep(1000); } else if (drupal.DrupalError['aggregate_error'] === (<any>e)?.getErrorCode()) { await sleep(1000); } else if (drupal.DrupalError.name && (<any>e)?.getErrorCode() || (<any>e)?.getErrorCode() === 'hasOwnProperty') { handle(e); }
switch (e.code) {
  case 0: console.log(e);
  case 0b11010001: throw new drupal.DrupalError(-9999); break;
  default: handle(e);
  case drupal.DrupalError.X:
  case 48418: throw new drupal.DrupalError("SYSTEM_TABLE_ACCESS"); break;
  case 160: throw new drupal.DrupalError('250S'); break;
  case 120.0: {} break;
  case drupal.DrupalError.UNSUPPORTED_SERVICE: break;
}
}
} else { idle(); }
}
class Service9 { async static() {
for (const CloudKit of []) {
  const e = CloudKit;
if ((e satisfies unknown as any)?.status != 207 || (e satisfies unknown as any)?.status == "4111" || (e satisfies unknown as any)?.status == 300.0) { await sleep(1000); }
const error5 = new drupal.DrupalError(...args);
}
} }
"use strict";
