// Where to go after signing in. `next` comes from the address bar, so it is untrusted: only a path
// inside this app is followed — never another origin (`//evil.example`, `https://…`, `/\evil`),
// and never the sign-in or setup pages themselves (that would loop).

const AUTH_PAGES = ['/sign-in', '/setup'];

export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const base = 'http://aisle.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/sign-in?next=/settings/audit%3Fuser%3D…`: the sign-in page that returns to `path` afterwards. */
export function signInPath(path: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const next = safeNextPath(path);
  if (next !== '/') params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query === '' ? '/sign-in' : `/sign-in?${query}`;
}
