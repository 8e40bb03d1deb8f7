import Parse from 'parse/node';
import { DrupalError as DE } from '@drupal-js-sdk/error';
import * as CK from 'tsl-apple-cloudkit';

async function literals() {
  try {
    await Parse.Cloud.run('f');
    await CK.getDefaultContainer().publicCloudDatabase.saveRecords([]);
    throw new DE(42);
  } catch (e) {
    const values = [
      e.code === 0, e.code === -0, e.code === +209, e.code === 209.0, e.code === 2.09e2, e.code === 0xd1, e.code === 0o321,
      e.code === 0b11010001, e.code === 2_0_9, e.code === 209n, e.code === 2e308, e.code === -2e308, e.code === NaN,
      e.code === Infinity, e.code === -/* c */1, e.code === - -1, e.code === (209), e.code === ((-1)), e.code === 1e-7,
      e.code === 9007199254740993, e.code === .5, e.code === 5., e.code === '\u0032\u0030\u0039', e.code === `209`,
      e.code === `${209}`, e.code === '', e.code === "", e.code === ``, e.code === '\0', e.code === '\\',
      e.ckErrorCode === '\u0054HROTTLED', e.ckErrorCode === "THROT\
TLED", e.ckErrorCode === `THROTTLED`, e.ckErrorCode === 'throttled', e.ckErrorCode === '__proto__',
      e.ckErrorCode === 'constructor', e.ckErrorCode === 'hasOwnProperty', e.ckErrorCode === '𝒞𝑜𝒹𝑒', e.ckErrorCode === '\u{1F4A5}',
      e.serverErrorCode === 'ZONE_BUSY', e.serverErrorCode === 'NETWORK_ERROR', e.serverErrorCode === "ATOMIC_ERROR",
      e.getErrorCode() === 42, e.getErrorCode?.() === -1, e?.getErrorCode?.() === 100, e.code === DE.OTHER_CAUSE,
      e.code === DE['UNDEFINED'], e.code === Parse.Error.OTHER_CAUSE, e.code === CK.CKError.THROTTLED, e.code === CK.CKError['ZONE BUSY'],
      e.code === Parse.Error.prototype, e.code === Parse.Error.constructor, e.code === Parse.Error, e.code === Parse,
      e.code === e.code, 209 === 209, e.code === void 0, e.code === null, e.code === undefined, e.code === /209/u,
    ];
    const keys = { 209: 1, '209': 2, 0xd1: 3, 2.09e2: 4, 209n: 5, '-1': 6, [-1]: 7, [`101`]: 8, __proto__: 9, 'THROTTLED': 10 };
    console.log(values, keys[e.code], keys[e.ckErrorCode], keys[e.getErrorCode()]);
    switch (e.ckErrorCode) { case 'THROTTLED': case `ZONE_BUSY`: case "NOT_FOUND": case 'NOT_FOUNDD': case 209: case -1: }
  }
}
