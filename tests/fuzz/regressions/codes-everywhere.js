// Cloud Code (script, global Parse): a code at every kind of site, in every literal form.
Parse.Cloud.define('everything', async (request) => {
  if (!request.user) throw new Parse.Error(209, 'no user');
  if (request.params.bad) throw new Parse.Error(-1);
  const query = new Parse.Query('Thing');
  try {
    await query.find();
  } catch (e) {
    if (e.code === 209 || 209 == e.code || e.code !== 101 || e.code != -1 || e?.code === 0x65 || e['code'] === 1_00) throw e;
    switch (e.code) {
      case 209:
      case 209:
      case -1:
      case - 1:
      case -(1):
      case `101`:
      case '209':
      case Parse.Error.INVALID_SESSION_TOKEN:
      case Parse.Error.INVALID_SESION_TOKEN:
      case Parse.Error['OBJECT_NOT_FOUND']:
      case 2e308:
      case 209n:
        break;
      default:
        throw e;
    }
    if ([209, 101, , ...[], -1, 'x'].includes(e.code)) return;
    if (new Set([100, 124, 4242]).has(e?.code)) return;
    const RETRYABLE = [100, 124, 155];
    if (RETRYABLE.indexOf(e.code) !== -1) return;
    const fallback = e.code || 141;
    const other = e.code ?? 212;
    e.code = 209;
    e.code ||= 101;
    const MESSAGES = { 209: 'login again', '101': 'missing', 0x7c: 'timeout', 4242: 'custom', [Parse.Error.OBJECT_NOT_FOUND]: 'x' };
    console.log(MESSAGES[e.code], fallback, other);
    const { code } = e;
    if (code === 209) return;
    const { code: renamed = 101 } = e;
    switch (renamed) { case 209: case 999999: break; }
    const direct = e.code;
    if (direct === 124 && e instanceof Parse.Error && e.code === 4242) return;
  }
  return new Parse.Promise((resolve, reject) => reject(new Parse.Error(Parse.Error.SCRIPT_FAILED, 'x')));
});
new Parse.Query('Thing').find().catch((err) => err.code === 100 ? retry() : err.code === 209 ? logout() : null);
new Parse.Query('Thing').find().then(null, function (err) { switch (err.code) { case 124: case 155: return retry(); } });
