import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchUsers, inviteUser, updateUser, type UserChange } from './users-api';

const usersKey = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: ({ signal }) => fetchUsers(signal), enabled });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: UserChange }) => updateUser(id, change),
    // The audit log gained an entry, and the change may concern the signed-in user's own role.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
        queryClient.invalidateQueries({ queryKey: ['auth', 'state'] }),
      ]),
  });
}
