/**
 * Roles and what they may do (CONTRACTS.md §5). Routes declare a permission; a role has a set of
 * permissions. Keeping the mapping here, once, means a new route only has to name its permission.
 */
export type Role = 'admin' | 'manager' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'manager', 'analyst', 'viewer'];

/**
 * read: dashboards, sellers, livestreams, reports · write: imports, reviews, communications, tasks,
 * notes, reports · manage: targets, rubric, alert rules, tiers, taxonomy, owners · admin: users,
 * others' API tokens, settings, restore, audit log.
 */
export type RolePermission = 'read' | 'write' | 'manage' | 'admin';

const GRANTS: Record<Role, readonly RolePermission[]> = {
  viewer: ['read'],
  analyst: ['read', 'write'],
  manager: ['read', 'write', 'manage'],
  admin: ['read', 'write', 'manage', 'admin'],
};

export function permissionsOf(role: Role): readonly RolePermission[] {
  return GRANTS[role];
}

export function can(role: Role, permission: RolePermission): boolean {
  return GRANTS[role].includes(permission);
}

/** Whether `role` has every permission of `other` (an API token may not exceed its owner). */
export function roleCovers(role: Role, other: Role): boolean {
  return GRANTS[other].every((p) => can(role, p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
