// The tabs of Settings, each at its own address (`/settings/users`), and who sees them. A tab the
// user may not use is not shown; its address then says so instead of showing an empty page.
import type { Permission } from '../auth/auth-api';

export type SettingsTab = 'users' | 'audit' | 'tokens' | 'targets' | 'alerts' | 'alert-rules' | 'segments' | 'rubric' | 'backup';

export interface SettingsTabInfo {
  value: SettingsTab;
  label: string;
  /** Needed to see the tab; null for everyone signed in. */
  permission: Permission | null;
}

export const SETTINGS_TABS: readonly SettingsTabInfo[] = [
  { value: 'users', label: 'Users', permission: 'admin' },
  { value: 'audit', label: 'Audit log', permission: 'admin' },
  { value: 'tokens', label: 'API tokens', permission: null },
  { value: 'targets', label: 'Targets', permission: null },
  { value: 'alerts', label: 'Alerts', permission: null },
  { value: 'alert-rules', label: 'Alert rules', permission: null },
  { value: 'segments', label: 'Segments', permission: null },
  { value: 'rubric', label: 'Rubric', permission: null },
  { value: 'backup', label: 'Backup', permission: 'admin' },
];

export function visibleTabs(permissions: readonly Permission[]): SettingsTabInfo[] {
  return SETTINGS_TABS.filter((tab) => tab.permission === null || permissions.includes(tab.permission));
}

export function isSettingsTab(value: string | undefined): value is SettingsTab {
  return SETTINGS_TABS.some((tab) => tab.value === value);
}
