// The areas of Aisle, declared once: the navigation and the router are both built from this list,
// so a page cannot exist without a navigation entry or the other way round.
import { lazy, type ReactElement } from 'react';
import { LivestreamsSection } from '../features/livestreams/LivestreamsPage';
import { OpportunitiesPage } from '../features/opportunities/OpportunitiesPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import {
  ImportsIcon,
  LivestreamsIcon,
  OpportunitiesIcon,
  OverviewIcon,
  ReportsIcon,
  SellersIcon,
  SettingsIcon,
  WorkspaceIcon,
  type NavIcon,
} from './NavIcons';

// Pages with forms and tables of their own load when first opened (AppFrame shows a placeholder),
// keeping the first load light.
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const ImportsPage = lazy(() =>
  import('../features/imports/ImportsPage').then((module) => ({ default: module.ImportsPage })),
);
// The Sellers grid (AG Grid) and the seller page (echarts) are the heaviest pages.
const SellersSection = lazy(() =>
  import('../features/sellers/SellersPage').then((module) => ({ default: module.SellersSection })),
);
const WorkspacePage = lazy(() =>
  import('../features/workspace/WorkspacePage').then((module) => ({ default: module.WorkspacePage })),
);

export type SectionGroup = 'analysis' | 'follow-up' | 'admin';

export interface Section {
  path: string;
  label: string;
  group: SectionGroup;
  Icon: NavIcon;
  page: ReactElement;
  /** A route below `path` shown by the same page, e.g. `:tab` for `/settings/users`. */
  subPath?: string;
}

export const sectionGroupLabels: Record<SectionGroup, string | null> = {
  analysis: 'Analysis',
  'follow-up': 'Follow-up',
  admin: null,
};

export const sections: readonly Section[] = [
  { path: '/', label: 'Overview', group: 'analysis', Icon: OverviewIcon, page: <OverviewPage /> },
  {
    path: '/sellers',
    label: 'Sellers',
    group: 'analysis',
    Icon: SellersIcon,
    page: <SellersSection />,
    subPath: ':id',
  },
  {
    path: '/opportunities',
    label: 'Opportunities',
    group: 'analysis',
    Icon: OpportunitiesIcon,
    page: <OpportunitiesPage />,
  },
  {
    path: '/livestreams',
    label: 'Livestreams',
    group: 'analysis',
    Icon: LivestreamsIcon,
    page: <LivestreamsSection />,
    subPath: ':id',
  },
  { path: '/reports', label: 'Reports', group: 'follow-up', Icon: ReportsIcon, page: <ReportsPage /> },
  { path: '/imports', label: 'Imports', group: 'follow-up', Icon: ImportsIcon, page: <ImportsPage /> },
  {
    path: '/workspace',
    label: 'Workspace',
    group: 'follow-up',
    Icon: WorkspaceIcon,
    page: <WorkspacePage />,
  },
  {
    path: '/settings',
    label: 'Settings',
    group: 'admin',
    Icon: SettingsIcon,
    page: <SettingsPage />,
    subPath: ':tab',
  },
];
