// Sign-in, setup, sign-out and password change. Whenever the session changes, the whole query
// cache is dropped: nothing one user loaded may be shown to the next one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { changePassword, login, logout, setupFirstAdmin } from './auth-api';
import { authStateQuery } from './use-auth-state';

function useEnterSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (to: string) => {
    queryClient.clear();
    // Loaded before navigating, so the page behind the gate appears without a loading flash.
    await queryClient.prefetchQuery(authStateQuery);
    await navigate(to, { replace: true });
  };
}

export function useLogin(next: string) {
  const enter = useEnterSession();
  return useMutation({ mutationFn: login, onSuccess: () => enter(next) });
}

export function useSetup() {
  const enter = useEnterSession();
  return useMutation({ mutationFn: setupFirstAdmin, onSuccess: () => enter('/') });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      queryClient.clear();
      await navigate('/sign-in', { replace: true });
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
