// Settings: users, audit log, API tokens and KPI targets as tabs, each addressable
// (`/settings/audit`). Admins see all four; everyone else sees their API tokens and the targets.
import type { ComponentType } from 'react';
import { Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageHeader } from '../../ui/PageHeader';
import { AlertRulesPanel } from '../alerts/AlertRulesPanel';
import { AlertsSettingsPanel } from '../alerts/AlertsSettingsPanel';
import { AuditLogPanel } from '../audit/AuditLogPanel';
import { BackupPanel } from '../backup/BackupPanel';
import { useSession } from '../auth/session-context';
import { RubricPanel } from '../livestreams/reviews/RubricPanel';
import { SegmentsPanel } from '../segments/SegmentsPanel';
import { TargetsPanel } from '../targets/TargetsPanel';
import { TokensPanel } from '../tokens/TokensPanel';
import { UsersPanel } from '../users/UsersPanel';
import { isSettingsTab, visibleTabs, type SettingsTab } from './settings-tabs';

const panels: Record<SettingsTab, ComponentType> = {
  users: UsersPanel,
  audit: AuditLogPanel,
  tokens: TokensPanel,
  targets: TargetsPanel,
  alerts: AlertsSettingsPanel,
  'alert-rules': AlertRulesPanel,
  segments: SegmentsPanel,
  rubric: RubricPanel,
  backup: BackupPanel,
};

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const { permissions } = useSession();
  const tabs = visibleTabs(permissions);
  const first = tabs[0];

  if (tab === undefined && first) return <Navigate to={`/settings/${first.value}`} replace />;
  if (!isSettingsTab(tab)) return <NotFoundPage />;

  // An address for a tab the user may not use still renders its panel, which says who may.
  const Panel = panels[tab];
  const description = permissions.includes('admin')
    ? 'Who can sign in and with which role, what they changed, API tokens and KPI targets.'
    : 'Your API tokens and the KPI targets. Users and the audit log are managed by admins.';
  return (
    <>
      <PageHeader title="Settings" description={description} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value) void navigate(`/settings/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((item) => (
            <Tabs.Tab key={item.value} value={item.value}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab}>
          <Panel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
