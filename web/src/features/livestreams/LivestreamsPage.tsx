// Livestreams: every session of a period with its rates, peer and quality score (the server
// filters, sorts and pages), the period's leaderboard, and `/livestreams/<id>` for one session.
// Tabs (`?tab=`): Sessions, the review queue, reviewer calibration and best practices. The view lives in
// the URL with the Overview's link parameters, so a tile's number opens the sessions behind it.
import { Anchor, Group, Pagination, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCountOf, formatDateRange } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { BestPracticesPanel } from './best-practices/BestPracticesPanel';
import { LeaderboardCards, LeaderboardSkeleton } from './LeaderboardCards';
import { LivestreamFilters, LivestreamPeriodControls } from './LivestreamFilters';
import type { SessionList } from './livestreams-api';
import {
  activeFilterCount,
  customRangeIncomplete,
  leaderboardQuery,
  LIVESTREAM_TABS,
  livestreamsQuery,
  readLivestreamsView,
  readTab,
  tabParams,
  type LivestreamsView,
} from './livestreams-view';
import { CalibrationPanel } from './reviews/CalibrationPanel';
import { ReviewQueuePanel } from './reviews/ReviewQueuePanel';
import { SessionPage } from './SessionPage';
import { SessionsPhoneList } from './SessionsPhoneList';
import { SessionsTable, SessionsTableSkeleton } from './SessionsTable';
import { useLeaderboard, useListOptions, useSessions } from './use-livestreams';
import classes from './LivestreamsPage.module.css';

/** `/livestreams` lists sessions, `/livestreams/<id>` shows one. */
export function LivestreamsSection() {
  const { id } = useParams();
  return id ? <SessionPage id={id} /> : <LivestreamsTabs />;
}

/** The list page's tabs; the Sessions tab is the list itself, the others are their own panels. */
function LivestreamsTabs() {
  const [params, setParams] = useSearchParams();
  const tab = readTab(params);
  const tabs = (
    <Tabs
      value={tab}
      onChange={(value) => {
        const next = LIVESTREAM_TABS.find((t) => t.value === value)?.value;
        if (next) setParams(tabParams(params, next), { replace: true });
      }}
      mb="md"
      data-testid="livestreams-tabs"
    >
      <Tabs.List>
        {LIVESTREAM_TABS.map((t) => (
          <Tabs.Tab key={t.value} value={t.value} data-testid={`tab-${t.value}`}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
  if (tab === 'sessions') return <LivestreamsPage tabs={tabs} />;
  const descriptions = {
    queue: "Top sellers' sessions of last week that nobody has reviewed yet, highest GMV first",
    calibration: 'Where reviewers of the same session disagree, and how each reviewer scores against the others',
    'best-practices': 'What the best sessions of each subcategory do differently',
  } as const;
  return (
    <>
      <PageHeader title="Livestreams" description={descriptions[tab]} />
      {tabs}
      {tab === 'queue' ? <ReviewQueuePanel /> : tab === 'calibration' ? <CalibrationPanel /> : <BestPracticesPanel />}
    </>
  );
}

function useLivestreamsView(): [LivestreamsView, (next: LivestreamsView) => void] {
  const [params, setParams] = useSearchParams();
  const view = readLivestreamsView(params);
  return [view, (next) => setParams(new URLSearchParams(livestreamsQuery(next)), { replace: true })];
}

function describe(list: SessionList | undefined): string {
  if (!list || list.period.asOf === null) return 'Every session with its funnel rates against comparable sessions';
  const { current } = list.period;
  return `${formatCountOf(list.total, 'session')} · ${formatDateRange(current.from, current.to)} · peers: same subcategory and length, 8 weeks`;
}

export function LivestreamsPage({ tabs }: { tabs?: ReactNode }) {
  const [view, setView] = useLivestreamsView();
  const ready = !customRangeIncomplete(view);
  const sessions = useSessions(livestreamsQuery(view), ready);
  const leaderboard = useLeaderboard(leaderboardQuery(view), ready);
  const options = useListOptions();
  const list = sessions.data;
  const sellerName = view.seller
    ? (list?.rows.find((r) => r.seller_id === view.seller)?.seller_name ?? null)
    : null;
  const noData = list !== undefined && list.period.asOf === null;
  const narrow = useMediaQuery('(max-width: 62em)') ?? false;

  return (
    <>
      <PageHeader
        title="Livestreams"
        description={<span data-testid="livestreams-summary">{describe(list)}</span>}
        actions={
          noData ? null : (
            <LivestreamPeriodControls view={view} shown={list?.period.current ?? null} onChange={setView} />
          )
        }
      />
      {tabs}
      {noData ? (
        <EmptyNote title="No livestream sessions yet" testId="livestreams-empty">
          Import a LIVE session list (and per-minute data, if you have it) on the{' '}
          <Anchor component={Link} to="/imports" size="sm">
            Imports
          </Anchor>{' '}
          page; every session is then compared with its peers.
        </EmptyNote>
      ) : (
        <Stack gap="md">
          <LivestreamFilters
            view={view}
            options={options.data}
            sellerName={sellerName}
            shown={list?.period.current ?? null}
            onChange={setView}
          />
          {!ready ? (
            <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="livestreams-choose-range">
              Choose the first and the last day of the period above.
            </Text>
          ) : sessions.isError ? (
            <ErrorPanel
              title="The sessions could not be loaded"
              error={sessions.error}
              onRetry={() => void sessions.refetch()}
              retrying={sessions.isFetching}
            />
          ) : (
            <>
              {leaderboard.data ? (
                <LeaderboardCards leaderboard={leaderboard.data} compact={narrow} />
              ) : leaderboard.isError ? null : (
                <LeaderboardSkeleton />
              )}
              {!list ? (
                <SessionsTableSkeleton />
              ) : list.rows.length === 0 ? (
                <EmptyNote
                  title={
                    activeFilterCount(view) > 0
                      ? 'No session matches these filters'
                      : 'No sessions in this period'
                  }
                  testId="livestreams-none"
                >
                  {activeFilterCount(view) > 0
                    ? 'Clear a filter or choose a longer period.'
                    : `Nothing was streamed between ${formatDateRange(list.period.current.from, list.period.current.to)}.`}
                </EmptyNote>
              ) : (
                <div
                  className={classes.body}
                  data-stale={sessions.isPlaceholderData || undefined}
                  aria-busy={sessions.isFetching || undefined}
                >
                  {narrow ? (
                    <SessionsPhoneList
                      rows={list.rows}
                      currency={list.currency}
                      view={view}
                      onChange={setView}
                    />
                  ) : (
                    <SessionsTable rows={list.rows} currency={list.currency} view={view} onChange={setView} />
                  )}
                  {list.total > list.pageSize ? (
                    <Group justify="space-between" mt="sm" gap="xs">
                      <Text size="xs" c="dimmed">
                        {`${(list.page - 1) * list.pageSize + 1}–${Math.min(list.total, list.page * list.pageSize)} of ${formatCountOf(list.total, 'session')}`}
                      </Text>
                      <Pagination
                        size="sm"
                        total={Math.ceil(list.total / list.pageSize)}
                        value={list.page}
                        onChange={(page) => setView({ ...view, page })}
                        siblings={1}
                        boundaries={1}
                      />
                    </Group>
                  ) : null}
                </div>
              )}
            </>
          )}
        </Stack>
      )}
    </>
  );
}
