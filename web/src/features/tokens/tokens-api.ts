// `/api/tokens`: API tokens for scripts and tools. Everyone manages their own; admins see all.
// The token itself is returned once, on creation, and never again.
import { apiDelete, apiGet, apiSend } from '../../ui/api';
import type { Role } from '../auth/roles';

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  /** The owner's e-mail. */
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  name: string;
  role: Role;
}

export interface CreatedToken {
  /** `aisle_…` — shown once. */
  token: string;
  apiToken: ApiToken;
}

export async function fetchTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await apiGet<{ tokens: ApiToken[] }>('/api/tokens', signal)).tokens;
}

export function createToken(token: NewToken): Promise<CreatedToken> {
  return apiSend('POST', '/api/tokens', token);
}

export function revokeToken(id: number): Promise<void> {
  return apiDelete(`/api/tokens/${id}`);
}
