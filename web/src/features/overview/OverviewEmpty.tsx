// What the Overview shows on a workspace without data: how to get data in, not a wall of zeros.
import { Button, Card, Code, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';

function ChartIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M4 20h16" />
      <rect x="6" y="11" width="3" height="6" rx="0.8" />
      <rect x="11" y="7" width="3" height="10" rx="0.8" />
      <rect x="16" y="13" width="3" height="4" rx="0.8" />
    </svg>
  );
}

export function OverviewEmpty() {
  const canImport = useCan('write');
  return (
    <Card data-testid="overview-empty" py={56} px="xl">
      <EmptyState
        variant="light"
        icon={<ChartIcon />}
        title="No data yet"
        description={
          canImport ? (
            <>
              Import your marketplace exports — orders, daily seller performance, livestreams — and the KPIs,
              the daily trend and the subcategory breakdown appear here. To look around first, load the demo
              dataset with <Code>npx aisle demo</Code>.
            </>
          ) : (
            <>
              KPIs appear here once an analyst or manager imports the marketplace exports (or loads the demo
              dataset with <Code>npx aisle demo</Code>).
            </>
          )
        }
        maw={560}
        mx="auto"
      >
        <EmptyState.Actions>
          <Button component={Link} to="/imports" variant={canImport ? 'filled' : 'default'}>
            {canImport ? 'Import data' : 'About imports'}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
