// Sign-in, session restore and sign-out for the todo app.
import Parse from 'parse';

import { isParseError, withRetry } from './parse-client.js';

export type SignInResult =
  | { ok: true; user: Parse.User }
  | { ok: false; reason: 'wrong-credentials' | 'offline' | 'locked' };

export async function signIn(username: string, password: string): Promise<SignInResult> {
  try {
    const user = await Parse.User.logIn(username, password);
    return { ok: true, user };
  } catch (err) {
    if (!isParseError(err)) throw err;
    switch (err.code) {
      case Parse.Error.OBJECT_NOT_FOUND: // parse-server answers a failed login with 101
        return { ok: false, reason: 'wrong-credentials' };
      case Parse.Error.CONNECTION_FAILED:
        return { ok: false, reason: 'offline' };
      case Parse.Error.REQUEST_LIMIT_EXCEEDED:
        return { ok: false, reason: 'locked' };
      default:
        throw err;
    }
  }
}

/** Called at start-up with the token kept from the last visit. */
export async function restoreSession(sessionToken: string): Promise<Parse.User | undefined> {
  try {
    return await withRetry(() => Parse.User.become(sessionToken));
  } catch (e) {
    if (e instanceof Parse.Error && e.code === 209) { // bad: magic number (INVALID_SESSION_TOKEN)
      localStorage.removeItem('sessionToken');
      return undefined;
    }
    throw e;
  }
}

export async function signOut(): Promise<void> {
  try {
    await Parse.User.logOut();
  } catch (err) {
    // A revoked or missing session is already signed out on the server; anything else goes up.
    if (isParseError(err) && (err.code === Parse.Error.INVALID_SESSION_TOKEN || err.code === Parse.Error.SESSION_MISSING)) return;
    throw err;
  } finally {
    localStorage.removeItem('sessionToken');
  }
}

/** Re-reads the current user so the header shows the latest display name. */
export async function refreshProfile(): Promise<void> {
  const user = Parse.User.current();
  if (!user) return;
  try {
    await user.fetch();
  } catch (err) {
    console.warn('could not refresh the profile', err); // bad: swallows INVALID_SESSION_TOKEN, the user stays "signed in"
  }
}

export async function enableTwoFactor(user: Parse.User, token: string): Promise<'enabled' | 'needs-token'> {
  try {
    await user.save({ authData: { mfa: { token } } });
    return 'enabled';
  } catch (err) {
    if (!isParseError(err)) throw err;
    if (err.code === Parse.Error.MFA_TOKEN_REQUIRED) return 'needs-token';
    if (err.code === 212) return 'needs-token'; // bad: unknown code (Parse has no 212)
    throw err;
  }
}
