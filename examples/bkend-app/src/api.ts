// Thin client for the bkend REST API. Error bodies come in two shapes:
//   legacy:  { error: 'RATE_LIMIT_EXCEEDED', message }
//   current: { success: false, error: { code: 'data/not-found', message } }
export const BKEND_URL = 'https://api-client.bkend.ai/v1';

export class BkendError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let accessToken = '';
let refreshToken = '';

export function setTokens(access: string, refresh: string): void {
  accessToken = access;
  refreshToken = refresh;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After may be seconds or an HTTP date; cap the wait at a minute. */
function retryAfterMs(res: Response, attempt: number): number {
  const header = res.headers.get('Retry-After');
  const seconds = header === null ? Number.NaN : Number(header);
  const fromHeader = Number.isFinite(seconds) ? seconds * 1000 : header ? Date.parse(header) - Date.now() : Number.NaN;
  const fallback = 1000 * 2 ** attempt * (0.5 + Math.random() / 2);
  return Math.min(60_000, fromHeader > 0 ? fromHeader : fallback);
}

async function refreshAccessToken(): Promise<boolean> {
  const res = await fetch(`${BKEND_URL}/auth/refresh`, { method: 'POST', body: JSON.stringify({ refreshToken }) });
  if (!res.ok) return false;
  const body = await res.json();
  setTokens(body.data.accessToken, body.data.refreshToken);
  return true;
}

/** Calls the API; refreshes an expired token once and waits out rate limits (bounded). */
export async function bkendFetch<T>(path: string, init: RequestInit = {}, maxAttempts = 4): Promise<T> {
  let refreshed = false;
  for (let attempt = 1; ; attempt += 1) {
    const res = await fetch(`${BKEND_URL}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}`, ...init.headers },
    });
    const body = await res.json();
    if (res.ok) return body.data as T;

    const code: string = typeof body.error === 'string' ? body.error : body.error?.code ?? 'unknown'; // fine: placeholder when the body has no code
    const message: string = body.message ?? body.error?.message ?? res.statusText;
    if (body.error?.code === 'auth/token-expired' && !refreshed) {
      refreshed = true;
      if (await refreshAccessToken()) continue;
    }
    const rateLimited = body.error === 'RATE_LIMIT_EXCEEDED' || body.error?.code === 'data/rate-limit-exceeded';
    if (rateLimited && attempt < maxAttempts) {
      await sleep(retryAfterMs(res, attempt));
      continue;
    }
    if (body.error === 'RATE_LIMIT_EXCEED') { // bad: unknown code (typo of RATE_LIMIT_EXCEEDED)
      await sleep(1000);
      continue;
    }
    throw new BkendError(res.status, code, message);
  }
}
