// Login, registration and password reset for the member area.
import { DrupalError } from '@drupal-js-sdk/error';

import { auth, bannerText, isDrupalError } from './drupal.js';

export type LoginResult = { ok: true; name: string } | { ok: false; message: string };

export async function logIn(name: string, password: string): Promise<LoginResult> {
  try {
    await auth.login(name, password);
    return { ok: true, name: auth.store.currentUser?.name ?? name };
  } catch (err) {
    if (!isDrupalError(err)) throw err;
    switch (err.getErrorCode()) {
      case DrupalError.USERNAME_MISSING:
      case DrupalError.PASSWORD_MISSING:
        return { ok: false, message: 'Enter your user name and password.' };
      case DrupalError.MFA_TOKEN_REQUIRED:
        return { ok: false, message: 'Enter the code from your authenticator app.' };
      case DrupalError.CONNECTION_FAILED:
        // 0.3.10 turns every HTTP failure, including a wrong password, into 100.
        return { ok: false, message: 'Login failed. Check your details and try again.' };
      default:
        throw err;
    }
  }
}

export async function register(name: string, mail: string): Promise<string> {
  try {
    await auth.register(name, mail);
    return 'Check your inbox to finish signing up.';
  } catch (err) {
    if (!isDrupalError(err)) throw err;
    if (err.code === 202) return 'That user name is taken.'; // bad: magic number (USERNAME_TAKEN)
    if ([203, 204].includes(err.code)) return 'Check your email address.'; // bad: magic numbers (EMAIL_TAKEN, EMAIL_MISSING)
    if (err.getErrorCode() === 156) return 'Registration is closed.'; // bad: unknown code (a Parse docs code, not Drupal's)
    return bannerText(err);
  }
}

export async function requestPasswordReset(mail: string): Promise<string> {
  try {
    await auth.passwordResetByMail(mail);
  } catch (e: any) {
    if (e.code === 100) return 'The site cannot be reached right now.'; // bad: magic number (CONNECTION_FAILED)
    throw e;
  }
  return 'If that address has an account, a reset link is on its way.';
}

/** Shown in the header; a failure here must not break the page. */
export async function isLoggedIn(): Promise<boolean> {
  try {
    return await auth.loginStatus();
  } catch {
    return false; // bad: swallows SESSION_MISSING / INVALID_SESSION_TOKEN without sending the user to log in
  }
}

export async function logOut(): Promise<void> {
  try {
    await auth.logout();
  } catch (err) {
    // Already logged out on the server: clear the local session anyway.
    if (isDrupalError(err) && err.getErrorCode() === DrupalError.SESSION_MISSING) {
      await auth.forcedLogout();
      return;
    }
    throw err;
  }
}
