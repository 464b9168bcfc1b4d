// The signed-in user and their permissions, provided by `RequireSession` to every page inside the
// app frame — so pages never handle a "no user" case that the gate already ruled out.
import { createContext, useContext } from 'react';
import type { Permission, SessionUser } from './auth-api';

export interface Session {
  user: SessionUser;
  permissions: readonly Permission[];
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is used outside <RequireSession>');
  return session;
}

/** `useCan('write')`: may the signed-in user do this? Hides controls the server would refuse. */
export function useCan(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}
