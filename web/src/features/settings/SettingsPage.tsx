import { PlannedPage } from '../../ui/PlannedPage';

export function SettingsPage() {
  return (
    <PlannedPage
      title="Settings"
      summary="Workspace settings, KPI targets, alert rules, users and access."
      arrivesWith="workspace administration"
      capabilities={[
        'Set the workspace timezone and currency.',
        'Define KPI targets and alert rules for the category, tiers and sellers.',
        'Manage users, their roles (admin, manager, analyst, viewer) and API tokens.',
        'Read the audit log, back up the database and restore it.',
      ]}
    />
  );
}
