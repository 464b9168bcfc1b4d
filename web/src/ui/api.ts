// The one way the web app talks to the Aisle server. Every failure becomes an `ApiError` carrying
// the server's own message and hint (`{"error":{"message","hint"}}`), so a page can show the user
// what happened and what to do instead of "Request failed with status 500".

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly hint: string | null,
    readonly path: string,
  ) {
    super(message);
  }

  /** Client errors will not go away by asking again; server and network errors might. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

interface ErrorBody {
  message: string | null;
  hint: string | null;
}

function readErrorBody(body: unknown): ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return { message: null, hint: null };
  const error = body.error;
  if (typeof error !== 'object' || error === null) return { message: null, hint: null };
  const message = 'message' in error && typeof error.message === 'string' ? error.message : null;
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : null;
  return { message, hint };
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

/** GET a JSON endpoint under `/api`. The caller states the response type it expects. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(
      'Cannot reach the Aisle server.',
      0,
      'Check that `aisle serve` is running, then try again.',
      path,
    );
  }
  const body = await parseJson(response);
  if (!response.ok) {
    const { message, hint } = readErrorBody(body);
    throw new ApiError(
      message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
      response.status,
      hint,
      path,
    );
  }
  if (body === null) {
    throw new ApiError('The server sent an empty or unreadable answer.', response.status, null, path);
  }
  return body as T;
}
