// The four roles, weakest first (CONTRACTS §5). The server decides what a role may do; the web app
// only needs their order (a token cannot outrank its owner) and how to name them.
export const ROLES = ['viewer', 'analyst', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  viewer: 'Viewer',
  analyst: 'Analyst',
  manager: 'Manager',
  admin: 'Admin',
};

export const roleColors: Record<Role, string> = {
  viewer: 'gray',
  analyst: 'teal',
  manager: 'grape',
  admin: 'indigo',
};

/** What each role may do, in one sentence (shown under role pickers). */
export const roleSummaries: Record<Role, string> = {
  viewer: 'Reads dashboards, sellers, livestreams, reports and notes.',
  analyst: 'Reads everything; imports data, writes notes, reviews and tasks, generates reports.',
  manager: 'What an analyst does, plus targets, rubric, alert rules, tiers and owners.',
  admin: 'Everything, including users, everyone’s tokens, settings and the audit log.',
};

/** The roles up to and including `role`: what a user may give a token of their own. */
export function rolesUpTo(role: Role): Role[] {
  return ROLES.slice(0, ROLES.indexOf(role) + 1);
}

export function isRole(value: string | null): value is Role {
  return ROLES.some((role) => role === value);
}

export function roleOptions(roles: readonly Role[]): { value: Role; label: string }[] {
  return roles.map((role) => ({ value: role, label: roleLabels[role] }));
}
