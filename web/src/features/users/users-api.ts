// `/api/users` (admin): the team's accounts. A new user gets a temporary password, returned once.
import { apiGet, apiSend } from '../../ui/api';
import type { Role } from '../auth/roles';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
}

export interface InvitedUser {
  user: User;
  /** Shown once; the user signs in with it and then chooses their own password. */
  temporaryPassword: string;
}

export interface UserChange {
  role?: Role;
  displayName?: string;
  disabled?: boolean;
}

export async function fetchUsers(signal?: AbortSignal): Promise<User[]> {
  return (await apiGet<{ users: User[] }>('/api/users', signal)).users;
}

export function inviteUser(invitation: Invitation): Promise<InvitedUser> {
  return apiSend('POST', '/api/users', invitation);
}

export async function updateUser(id: number, change: UserChange): Promise<User> {
  return (await apiSend<{ user: User }>('PATCH', `/api/users/${id}`, change)).user;
}
