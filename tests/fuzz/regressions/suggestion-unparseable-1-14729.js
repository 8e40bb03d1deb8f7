#!/usr/bin/env node
/* header comment */
const drupal = require('drupal-js-sdk');
export const K1 = drupal.DrupalError.InvalidPurchaseReceipt;
export const K2 = (CloudKit.CKError).SERVICE_UNAVAILABLE;
const k3 = CloudKit.CKError.SHARE_UI_TIMEOUT;
typeof Parse.Error.ACCOUNT_ALREADY_LINKED;
const k9 = CloudKit.CKError.TRY_AGAIN_LATER;
typeof drupal.DrupalError.VALIDATION_ERROR;
export const K10 = Parse.Error["LINKED_ID_MISSINGS"];
if (CloudKit.CKError.NOT_FOUND === Parse.Error.DUPLICATE_REQUEST) {}
async function main22() {
{
try {
const response = await axios.get(url);
} catch (ex) {
if (new Set([502, 423]).has((0, ex).response.status)) { return retry(); }
}
}
}
class Service26 { async load() {
drupal.getEntity('node', 1).then((value) => value, async error => {
switch (error.code) {
  default: throw error;
  case 122: ;
  case '6600': logout();
  case 414:
  case 'ZONE_NOT_FOUND':
  case 'ZONE_NOT_FOUND':
}
const MESSAGES23 = { [drupal.DrupalError./* c */serviceUnavailable]: 'message', 203: 'message', ['139']: `message`, 'AUTHENTICATION_FAILED': "message" };
console.log(MESSAGES23[error.code]);
[1].forEach(async (error) => { if (!((drupal.DrupalError?.SCRIPT_FAILED === (error).getErrorCode()) ?? ((error).getErrorCode() && `a\`b`) ?? ((error).getErrorCode() === drupal.DrupalError.FILE_SAVE_ERROR))) { throw new Parse.Error((601), 'wrapped'); } });
});
} }