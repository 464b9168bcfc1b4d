// The Sellers list on a phone: a wide grid does not fit 390 px, so each seller is a compact card
// (name, subcategory, segments, GMV and change, live share) in the same order as the grid, with
// "Show more" paging through the server's pages.
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatChangeRatio, formatCount, formatMoney, formatRate, MISSING } from '../../ui/format';
import { RefreshingBadge } from '../../ui/refreshing';
import type { SellerRow } from './sellers-api';
import { lifecycleColor, lifecycleLabel, liveStatusColor, liveStatusLabel } from './seller-labels';
import { sellerPeriodQuery, type SellersView } from './sellers-view';
import type { useSellersPages } from './use-sellers';

function SellerCard({
  row,
  currency,
  periodQuery,
}: {
  row: SellerRow;
  currency: string;
  periodQuery: string;
}) {
  const ratio = row.gmv_change_ratio;
  return (
    <Card padding="sm" data-testid="seller-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} miw={0}>
          <Anchor
            component={Link}
            to={`/sellers/${encodeURIComponent(row.id)}${periodQuery ? `?${periodQuery}` : ''}`}
            fw={600}
            size="sm"
            c="dark.7"
            truncate
            data-testid="seller-link"
          >
            {row.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {row.subcategory_name ?? 'No subcategory'} · {row.owner_name ?? 'No owner'}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm" fw={600}>
            {formatMoney(row.gmv, currency)}
          </Text>
          <Text size="xs" c={ratio === null || ratio === 0 ? 'dimmed' : ratio > 0 ? 'teal.8' : 'red.8'}>
            {ratio === null ? MISSING : formatChangeRatio(ratio)}
          </Text>
        </Stack>
      </Group>
      <Group gap={6} mt={6}>
        {row.tier ? (
          <Badge size="xs" variant="outline" color="gray">
            Tier {row.tier}
          </Badge>
        ) : null}
        {row.lifecycle ? (
          <Badge size="xs" variant="light" color={lifecycleColor(row.lifecycle)}>
            {lifecycleLabel(row.lifecycle)}
          </Badge>
        ) : null}
        {row.live_status ? (
          <Badge size="xs" variant="light" color={liveStatusColor(row.live_status)}>
            {liveStatusLabel(row.live_status)}
          </Badge>
        ) : null}
        <Text size="xs" c="dimmed">
          {formatCount(row.live_sessions)} live ·{' '}
          {row.live_gmv_share === null ? MISSING : formatRate(row.live_gmv_share)} live share
        </Text>
      </Group>
    </Card>
  );
}

export function SellersPhoneList({
  pages,
  view,
  currency,
}: {
  pages: ReturnType<typeof useSellersPages>;
  view: SellersView;
  currency: string;
}) {
  if (pages.isPending) return <Skeleton height={320} radius="md" />;
  const rows = pages.data?.pages.flatMap((page) => page.rows) ?? [];
  const periodQuery = sellerPeriodQuery(view);
  return (
    <Stack gap="xs" data-testid="sellers-phone-list" data-stale={pages.isPlaceholderData || undefined}>
      {pages.data?.pages.some((page) => page.refreshing) ? (
        <Group justify="flex-end">
          <RefreshingBadge refreshing />
        </Group>
      ) : null}
      {rows.map((row) => (
        <SellerCard key={row.id} row={row} currency={currency} periodQuery={periodQuery} />
      ))}
      {pages.hasNextPage ? (
        <Button
          variant="default"
          size="sm"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          Show more
        </Button>
      ) : null}
    </Stack>
  );
}
