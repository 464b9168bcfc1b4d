// The one way the web app talks to the Aisle server. Every failure becomes an `ApiError` carrying
// the server's own message, hint and code (`{"error":{"message","hint","code"}}`), so a page can show
// the user what happened and what to do instead of "Request failed with status 500".
//
// Requests go to relative `/api` URLs with the session cookie (`credentials: 'same-origin'`); the
// browser adds `Origin`/`Sec-Fetch-Site` itself, which the server checks on every state change.
// The app never reads or writes the session cookie (it is HttpOnly).

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly hint: string | null,
    readonly path: string,
    /** The server's machine-readable code (`unauthenticated`, `forbidden`, …) when it sent one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }

  /** Client errors will not go away by asking again; server and network errors might. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }

  /** No session, or it expired: the user has to sign in (again). Wrong credentials are not this. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code === 'unauthenticated';
  }
}

export interface ErrorBody {
  message: string | null;
  hint: string | null;
  code: string | null;
}

/** Reads `{"error":{"message","hint","code"}}`; any part that is missing or not text is null. */
export function readErrorBody(body: unknown): ErrorBody {
  const none = { message: null, hint: null, code: null };
  if (typeof body !== 'object' || body === null || !('error' in body)) return none;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return none;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : null;
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : null;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  return { message, hint, code };
}

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(
      'Cannot reach the Aisle server.',
      0,
      'Check that `aisle serve` is running, then try again.',
      path,
    );
  }
  const parsed = await parseJson(response);
  if (!response.ok) {
    const { message, hint, code } = readErrorBody(parsed);
    throw new ApiError(
      message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
      response.status,
      hint,
      path,
      code,
    );
  }
  if (parsed === null && response.status !== 204) {
    throw new ApiError('The server sent an empty or unreadable answer.', response.status, null, path);
  }
  return parsed;
}

/** GET a JSON endpoint under `/api`. The caller states the response type it expects. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request('GET', path, undefined, signal)) as T;
}

/** POST/PATCH/PUT a JSON body; resolves to the answer's JSON (`null` for 204 No Content). */
export async function apiSend<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
  return (await request(method, path, body ?? {})) as T;
}

export async function apiDelete(path: string): Promise<void> {
  await request('DELETE', path, undefined);
}

/** `/api/audit` + `{ user: 'a@b.c', limit: 50 }` → `/api/audit?user=a%40b.c&limit=50`; empty values are left out. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}
