// Settings → Segments: how Aisle tiers sellers (GMV percentile over a rolling window, thresholds
// editable by managers and admins), what lifecycle and live status mean, and how many sellers
// each segment holds right now. Saving new thresholds re-tiers every seller at once.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatCount, formatDate, formatDateTime, formatRate } from '../../ui/format';
import { useCan } from '../auth/session-context';
import { lifecycleColor, lifecycleLabel, liveStatusColor, liveStatusLabel } from '../sellers/seller-labels';
import type { SegmentCount, SegmentsOverview, TierThresholds } from './segments-api';
import { tierBands, tierProblems } from './tier-form';
import { useRecomputeSegments, useSaveTierThresholds, useSegments } from './use-segments';

const TIER_ORDER = ['S', 'A', 'B', 'C'];
const LIFECYCLE_ORDER = ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'];
const LIVE_ORDER = ['regular', 'occasional', 'lapsed', 'never'];

const LIFECYCLE_MEANING: Record<string, string> = {
  new: 'first active in the last 30 days',
  growing: 'GMV of the last 4 weeks ≥ 20% above the 4 before',
  steady: 'within ±20% of the 4 weeks before',
  declining: 'GMV of the last 4 weeks ≥ 20% below the 4 before',
  dormant: 'no sales or livestream for 30–59 days',
  churned: 'no sales or livestream for 60+ days',
};
const LIVE_MEANING: Record<string, string> = {
  regular: 'live in at least 4 of the last 8 weeks',
  occasional: 'live in the last 30 days, fewer weeks',
  lapsed: 'went live before, not in the last 30 days',
  never: 'no livestream recorded',
};

export function SegmentsPanel() {
  const segments = useSegments();
  if (segments.isPending) return <Skeleton height={320} radius="md" data-testid="segments-loading" />;
  if (segments.isError) return <ErrorPanel title="Segments could not be loaded" error={segments.error} onRetry={() => void segments.refetch()} retrying={segments.isFetching} />;
  return <SegmentsBody data={segments.data} />;
}

function SegmentsBody({ data }: { data: SegmentsOverview }) {
  const canManage = useCan('manage');
  return (
    <Stack gap="md" data-testid="segments-panel">
      <Text size="sm" c="dimmed" maw={720}>
        Aisle ranks sellers by GMV over a rolling window and cuts tiers S, A, B and C from that ranking. Lifecycle and live status follow each seller&apos;s trend. All three are
        recomputed after every import and each morning, and every seller&apos;s reason is shown on the Sellers page and in Opportunities.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ThresholdsCard data={data} canManage={canManage} />
        <SegmentTable title="Tiers" rows={ordered(data.counts.tier, TIER_ORDER)} label={(v) => `Tier ${v}`} showGmv testId="segments-tiers" />
        <SegmentTable title="Lifecycle" rows={ordered(data.counts.lifecycle, LIFECYCLE_ORDER)} label={lifecycleLabel} color={lifecycleColor} meaning={LIFECYCLE_MEANING} />
        <SegmentTable title="Live status" rows={ordered(data.counts.liveStatus, LIVE_ORDER)} label={liveStatusLabel} color={liveStatusColor} meaning={LIVE_MEANING} />
      </SimpleGrid>
      <RecomputeLine data={data} canManage={canManage} />
    </Stack>
  );
}

function ordered(rows: SegmentCount[], order: string[]): SegmentCount[] {
  return order.map((value) => rows.find((r) => r.value === value) ?? { value, sellers: 0, gmv: 0 });
}

function ThresholdsCard({ data, canManage }: { data: SegmentsOverview; canManage: boolean }) {
  const save = useSaveTierThresholds();
  const [draft, setDraft] = useState<TierThresholds>(data.thresholds);
  const [submitted, setSubmitted] = useState(false);
  const problems = tierProblems(draft, data.windowDaysRange);
  const changed = JSON.stringify(draft) !== JSON.stringify(data.thresholds);
  const field = (key: keyof TierThresholds) => (value: string | number) => setDraft({ ...draft, [key]: typeof value === 'number' ? value : Number.NaN });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length) return;
    save.mutate(draft, { onSuccess: (next) => { setDraft(next.thresholds); setSubmitted(false); } });
  };

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={submit} noValidate data-testid="tier-form">
        <Stack gap="sm">
          <Title order={3} size="h5">
            Tier thresholds
          </Title>
          <Text size="xs" c="dimmed">
            Shares are cumulative, biggest sellers first, among sellers with sales in the window.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <NumberInput label="GMV window" suffix=" days" value={draft.windowDays} onChange={field('windowDays')} min={data.windowDaysRange.min} max={data.windowDaysRange.max} allowDecimal={false} readOnly={!canManage} variant={canManage ? "default" : "filled"} error={submitted ? problems.windowDays : null} data-testid="tier-window" />
            <NumberInput label="Tier S: top" suffix="%" value={draft.s} onChange={field('s')} min={0.1} max={99.9} decimalScale={1} readOnly={!canManage} variant={canManage ? "default" : "filled"} error={submitted ? problems.s : null} data-testid="tier-s" />
            <NumberInput label="Tier A: to top" suffix="%" value={draft.a} onChange={field('a')} min={0.1} max={99.9} decimalScale={1} readOnly={!canManage} variant={canManage ? "default" : "filled"} error={submitted ? problems.a : null} data-testid="tier-a" />
            <NumberInput label="Tier B: to top" suffix="%" value={draft.b} onChange={field('b')} min={0.1} max={99.9} decimalScale={1} readOnly={!canManage} variant={canManage ? "default" : "filled"} error={submitted ? problems.b : null} data-testid="tier-b" />
          </SimpleGrid>
          {Object.keys(problems).length === 0 ? (
            <Text size="xs" c="dimmed" data-testid="tier-bands">
              {tierBands(draft).map((b) => `${b.tier}: ${b.band}`).join(' · ')}
            </Text>
          ) : null}
          <FormError error={save.error} />
          {canManage ? (
            <Group gap="sm" justify="flex-end">
              <Button variant="subtle" color="gray" size="sm" disabled={JSON.stringify(draft) === JSON.stringify(data.defaults)} onClick={() => setDraft(data.defaults)}>
                Defaults
              </Button>
              <Button type="submit" size="sm" disabled={!changed} loading={save.isPending}>
                Save and re-tier
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              Managers and admins change the thresholds.
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function SegmentTable({
  title,
  rows,
  label,
  color,
  meaning,
  showGmv = false,
  testId,
}: {
  title: string;
  rows: SegmentCount[];
  label: (value: string) => string;
  color?: (value: string) => string;
  meaning?: Record<string, string>;
  showGmv?: boolean;
  testId?: string;
}) {
  const sellers = rows.reduce((sum, r) => sum + r.sellers, 0);
  const gmv = rows.reduce((sum, r) => sum + r.gmv, 0);
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">Sellers</Table.Th>
            <Table.Th ta="right">{showGmv ? 'GMV share' : 'Share'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.value} data-segment={r.value}>
              <Table.Td>
                {color ? (
                  <Badge variant="light" color={color(r.value)} radius="sm" size="sm">
                    {label(r.value)}
                  </Badge>
                ) : (
                  <Text size="sm" fw={600}>
                    {label(r.value)}
                  </Text>
                )}
                {meaning?.[r.value] ? (
                  <Text size="xs" c="dimmed">
                    {meaning[r.value]}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(r.sellers)}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {showGmv ? (gmv > 0 ? formatRate(r.gmv / gmv) : '—') : sellers > 0 ? formatRate(r.sellers / sellers) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function RecomputeLine({ data, canManage }: { data: SegmentsOverview; canManage: boolean }) {
  const recompute = useRecomputeSegments();
  const last = data.lastRecompute;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="sm">
        <Text size="xs" c="dimmed" data-testid="segments-last">
          {last
            ? `Last recomputed ${formatDateTime(last.at)} (${last.reason}) on data to ${last.asOf ? formatDate(last.asOf) : '—'}: ${formatCount(last.sellers)} sellers in ${last.seconds.toFixed(1)} s.`
            : 'Not computed yet: segments are computed after the first import.'}
        </Text>
        {canManage ? (
          <Button size="xs" variant="default" loading={recompute.isPending} onClick={() => recompute.mutate()}>
            Recompute now
          </Button>
        ) : null}
      </Group>
      <FormError error={recompute.error} />
    </Stack>
  );
}
