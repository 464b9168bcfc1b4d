// One livestream session: who streamed what and when, its peer score, the funnel with each step's
// rate against peers, the sentence naming the step that lost the most money, every benchmarked
// rate, the rubric reviews beside those numbers (quality score, everyone's reviews with agreement,
// the reviewer's own form), the minute timeline with reviewer notes, and the host's weekly trends.
import { lazy, Suspense } from 'react';
import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../ui/api';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, MISSING } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { RefreshingBadge } from '../../ui/refreshing';
import type { SessionDetail } from './livestreams-api';
import { listHref } from './livestreams-view';
import { BenchmarkTable, DecompositionCard, FunnelCard, ScoreCard } from './SessionBenchmarks';
import { formatSessionDuration, formatStart } from './session-format';
import { SessionTimeline } from './SessionTimeline';
import { ObservedSection } from './observed/ObservedSection';
import { PeerScoreBadge } from './SessionsTable';
import { HostQualityCard } from './reviews/HostQualityCard';
import { SessionReviewSection } from './reviews/SessionReviewSection';
import { useSession } from './use-livestreams';
import classes from './SessionPage.module.css';

const HostTrendChart = lazy(() => import('./SessionCharts').then((m) => ({ default: m.HostTrendChart })));

/** Monday of the ISO week of a `YYYY-MM-DD` date. */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function SessionPage({ id }: { id: string }) {
  const [params] = useSearchParams();
  const session = useSession(id);
  const back = (
    <Anchor component={Link} to={listHref(params)} size="sm">
      ← Livestreams
    </Anchor>
  );
  if (session.isError) {
    const missing = session.error instanceof ApiError && session.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Session not found' : 'Livestream'} description={back} />
        <ErrorPanel
          title={missing ? `There is no session ${id}` : 'The session could not be loaded'}
          error={session.error}
          onRetry={missing ? undefined : () => void session.refetch()}
        />
      </>
    );
  }
  const detail = session.data;
  const s = detail?.session;
  return (
    <>
      <PageHeader
        title={s ? (s.title ?? `Session ${s.id}`) : 'Livestream'}
        description={
          <span data-testid="session-summary">
            {back}
            {s ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/sellers/${encodeURIComponent(s.seller_id)}`} size="sm">
                  {s.seller_name}
                </Anchor>
                {` · ${s.host ? `host ${s.host} · ` : ''}${formatStart(s.started_local)} · ${formatSessionDuration(s.duration_s)}`}
              </>
            ) : null}
          </span>
        }
        actions={
          detail ? (
            <>
              <RefreshingBadge refreshing={detail.refreshing} />
              <PeerScoreBadge score={detail.peerScore} />
            </>
          ) : null
        }
      />
      {!detail ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the session" data-testid="session-loading">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Skeleton height={170} radius="md" />
            <Skeleton height={170} radius="md" />
            <Skeleton height={170} radius="md" />
          </SimpleGrid>
          <Skeleton height={380} radius="md" />
        </Stack>
      ) : (
        <Stack gap="md" data-testid="session-body">
          <div className={classes.top}>
            <ScoreCard detail={detail} />
            <DecompositionCard detail={detail} />
          </div>
          <div className={classes.numbers}>
            <FunnelCard detail={detail} />
            <BenchmarkTable detail={detail} />
          </div>
          <SessionReviewSection sessionId={detail.session.id} />
          <SessionTimeline id={detail.session.id} currency={detail.currency} />
          <ObservedSection id={detail.session.id} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <HostTrendCard detail={detail} />
            <HostQualityCard trend={detail.hostQuality} sellerName={detail.session.seller_name} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

function HostTrendCard({ detail }: { detail: SessionDetail }) {
  const trend = detail.hostTrend;
  const words = { rising: 'rising', falling: 'falling', steady: 'steady' } as const;
  return (
    <Card data-testid="host-trend">
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fw={600} size="sm" component="h2">
          {trend ? `${trend.host}'s sessions, week by week` : 'Host trend'}
        </Text>
        {trend?.direction ? (
          <Text
            size="xs"
            c={trend.direction === 'rising' ? 'teal.8' : trend.direction === 'falling' ? 'red.8' : 'dimmed'}
            fw={600}
            data-testid="host-direction"
          >
            {words[trend.direction]}
            {trend.slope !== null ? ` · ${trend.slope > 0 ? '+' : ''}${trend.slope} a week` : ''}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Median peer score of the host&apos;s sessions at {detail.session.seller_name} per week
      </Text>
      {!trend ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          The session names no host.
        </Text>
      ) : trend.weeks.length < 2 ? (
        <Text size="sm" c="dimmed" py="md" ta="center" data-testid="host-trend-short">
          {trend.weeks.length === 1
            ? `One week of sessions (${formatCount(trend.weeks[0]?.sessions ?? 0)}) — a trend needs two.`
            : MISSING}
        </Text>
      ) : (
        <Suspense fallback={<Skeleton height={200} />}>
          <HostTrendChart trend={trend} sessionWeek={weekOf(detail.session.start_date)} height={200} />
        </Suspense>
      )}
    </Card>
  );
}
