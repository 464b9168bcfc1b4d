// `/api/auth/*`: who is signed in and what they may do, and the calls that change it. The session
// itself is an HttpOnly cookie the server sets and clears; nothing here touches it.
import { apiGet, apiSend } from '../../ui/api';
import type { Role } from './roles';

export type Permission = 'read' | 'write' | 'manage' | 'admin';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
}

export interface AuthState {
  /** True until the first admin exists: the app then only offers the setup page. */
  setupRequired: boolean;
  user: SessionUser | null;
  /** What the signed-in user may do; empty when signed out. */
  permissions: Permission[];
}

export interface SetupRequest {
  email: string;
  displayName: string;
  password: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function fetchAuthState(signal?: AbortSignal): Promise<AuthState> {
  return apiGet<AuthState>('/api/auth/state', signal);
}

export function setupFirstAdmin(request: SetupRequest): Promise<{ user: SessionUser }> {
  return apiSend('POST', '/api/auth/setup', request);
}

export function login(request: LoginRequest): Promise<{ user: SessionUser }> {
  return apiSend('POST', '/api/auth/login', request);
}

export async function logout(): Promise<void> {
  await apiSend<null>('POST', '/api/auth/logout');
}

export async function changePassword(change: PasswordChange): Promise<void> {
  await apiSend<null>('POST', '/api/auth/password', change);
}
