// Line icons for the navigation, drawn here rather than pulled from an icon package.
import type { ReactNode } from 'react';

export type NavIcon = () => ReactNode;

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const OverviewIcon: NavIcon = () => (
  <Icon>
    <rect x="4" y="4" width="6.5" height="6.5" rx="1.5" />
    <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.5" />
    <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.5" />
    <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.5" />
  </Icon>
);

export const SellersIcon: NavIcon = () => (
  <Icon>
    <path d="M3.5 9.5 5.5 4.5h13l2 5" />
    <path d="M3.5 9.5h17" />
    <path d="M5 9.5V20h14V9.5" />
    <path d="M10 20v-5h4v5" />
  </Icon>
);

export const OpportunitiesIcon: NavIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8" />
    <circle cx="12" cy="12" r="4.5" />
    <circle cx="12" cy="12" r="1" />
  </Icon>
);

export const LivestreamsIcon: NavIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="2" />
    <path d="M8.5 15.5a5 5 0 0 1 0-7" />
    <path d="M15.5 8.5a5 5 0 0 1 0 7" />
    <path d="M5.6 18.4a9 9 0 0 1 0-12.8" />
    <path d="M18.4 5.6a9 9 0 0 1 0 12.8" />
  </Icon>
);

export const ReportsIcon: NavIcon = () => (
  <Icon>
    <path d="M6 3.5h8l4 4v13H6z" />
    <path d="M14 3.5v4h4" />
    <path d="M9 17v-2.5M12 17v-5M15 17v-3.5" />
  </Icon>
);

export const ImportsIcon: NavIcon = () => (
  <Icon>
    <path d="M12 4v10" />
    <path d="m8 10 4 4 4-4" />
    <path d="M4 15v4.5h16V15" />
  </Icon>
);

export const WorkspaceIcon: NavIcon = () => (
  <Icon>
    <path d="M10 6.5h10M10 12h10M10 17.5h10" />
    <path d="m3.5 6.5 1.5 1.5 2.5-2.5" />
    <path d="m3.5 12 1.5 1.5 2.5-2.5" />
    <path d="m3.5 17.5 1.5 1.5 2.5-2.5" />
  </Icon>
);

export const SettingsIcon: NavIcon = () => (
  <Icon>
    <path d="M4 7h10M18 7h2M4 17h4M12 17h8" />
    <circle cx="16" cy="7" r="2" />
    <circle cx="10" cy="17" r="2" />
  </Icon>
);
