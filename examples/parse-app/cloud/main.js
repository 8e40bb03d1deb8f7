// Cloud Code (runs inside parse-server, plain JavaScript, global `Parse`).

const MAX_OPEN_TODOS = 500;

Parse.Cloud.beforeSave('Todo', async (request) => {
  const title = String(request.object.get('title') ?? '').trim();
  if (title.length === 0) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'A todo needs a title.');
  }
  if (request.object.isNew()) {
    const open = await new Parse.Query('Todo').equalTo('owner', request.user).equalTo('done', false).count({ useMasterKey: true });
    if (open >= MAX_OPEN_TODOS) {
      throw new Parse.Error(9001, 'You have too many open todos.'); // fine: app-defined code (Parse leaves 9000-9999 to apps)
    }
  }
});

Parse.Cloud.define('shareList', async (request) => {
  if (!request.user) {
    throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Sign in to share a list.');
  }
  const { listId, email } = request.params;
  let list;
  try {
    list = await new Parse.Query('List').get(listId, { sessionToken: request.user.getSessionToken() });
  } catch (e) {
    if (e.code === 101) { // bad: magic number (OBJECT_NOT_FOUND)
      throw new Parse.Error(Parse.Error.OBJECT_NOT_FOUND, 'No such list.');
    }
    throw e;
  }
  const invitee = await new Parse.Query(Parse.User).equalTo('email', email).first({ useMasterKey: true });
  if (!invitee) {
    throw new Parse.Error(141, 'Nobody with that email uses the app.'); // bad: magic number (SCRIPT_FAILED)
  }
  list.relation('members').add(invitee);
  await list.save(null, { useMasterKey: true });
  return { shared: true };
});

Parse.Cloud.define('confirmPassword', async (request) => {
  const user = request.user;
  if (!user) throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Sign in first.');
  try {
    await Parse.User.logIn(user.getUsername(), request.params.password);
    return { confirmed: true };
  } catch (e) {
    if (e.code === Parse.Error.INVALID_PASSWORD) { // bad: unknown constant (no such Parse.Error)
      return { confirmed: false };
    }
    if (e.code === Parse.Error.OBJECT_NOT_FOUND) return { confirmed: false };
    throw e;
  }
});

Parse.Cloud.define('renameField', async (request) => {
  const { className, from, to } = request.params;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(to)) {
    throw new Parse.Error(Parse.Error.INVALID_FIELD_NAME, `Bad field name ${to}`); // bad: unknown constant (docs name; SDK: INVALID_KEY_NAME)
  }
  const schema = new Parse.Schema(className);
  await schema.get();
  return { renamed: `${from} -> ${to}` };
});

Parse.Cloud.define('fetchAvatar', async (request) => {
  try {
    const response = await Parse.Cloud.httpRequest({ url: `https://avatars.example.com/${request.params.userId}.png` });
    return response.buffer.toString('base64');
  } catch (e) {
    // A network failure rejects with Node's socket error, a 404 with the HTTP response.
    if (e.code === 'ECONNREFUSED' || e.status === 404) return null; // fine: Node error code, not a Parse code
    throw e;
  }
});
