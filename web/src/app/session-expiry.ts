// When the server says the session is gone (it expired, or an admin disabled the user), every
// cached answer is dropped and the user goes to sign-in — and comes back to the same page after.
import type { QueryClient } from '@tanstack/react-query';
import { signInPath } from '../features/auth/safe-next';
import type { AppRouter } from './router';

const OUTSIDE_SESSION = ['/sign-in', '/setup'];

export function sendToSignIn(router: AppRouter, queryClient: QueryClient): void {
  const { pathname, search, hash } = router.state.location;
  if (OUTSIDE_SESSION.includes(pathname)) return;
  queryClient.clear();
  void router.navigate(signInPath(`${pathname}${search}${hash}`, 'expired'), { replace: true });
}
