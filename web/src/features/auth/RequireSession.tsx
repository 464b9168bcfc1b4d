// The gate in front of every page of the app: the setup page while no admin exists, the sign-in
// page (returning here afterwards) when nobody is signed in, else the page with the session.
import { useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AuthLoading, AuthStateError } from './AuthLoading';
import { signInPath } from './safe-next';
import { SessionContext, type Session } from './session-context';
import { useAuthState } from './use-auth-state';

export function RequireSession() {
  const auth = useAuthState();
  const location = useLocation();
  const user = auth.data?.user ?? null;
  const permissions = auth.data?.permissions;
  const session = useMemo<Session | null>(
    () => (user && permissions ? { user, permissions } : null),
    [user, permissions],
  );

  if (auth.isPending) return <AuthLoading />;
  if (auth.isError) {
    return (
      <AuthStateError error={auth.error} onRetry={() => void auth.refetch()} retrying={auth.isFetching} />
    );
  }
  if (auth.data.setupRequired) return <Navigate to="/setup" replace />;
  if (!session) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return (
    <SessionContext value={session}>
      <Outlet />
    </SessionContext>
  );
}
