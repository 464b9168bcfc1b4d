/** Who is doing something: a signed-in user, a script with an API token, the local CLI or the system. */
import type { Role } from './roles.ts';

export interface Actor {
  userId: number | null;
  /** The user's e-mail, `cli` or `system` — what the audit log shows. */
  label: string;
  role: Role;
}

export const CLI_ACTOR: Actor = { userId: null, label: 'cli', role: 'admin' };
export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', role: 'admin' };
