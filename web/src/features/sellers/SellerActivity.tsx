// The seller's latest livestream sessions (each a link to its session page) and category mix (what it sold by subcategory in the
// period, and the products it lists).
import { Anchor, Card, Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatDate, formatDuration, formatMoney, formatRate, MISSING } from '../../ui/format';
import type { SellerPerformance } from './sellers-api';

const SHOWN_SESSIONS = 8;

export function SessionList({ performance }: { performance: SellerPerformance }) {
  const sessions = performance.sessions.slice(0, SHOWN_SESSIONS);
  if (sessions.length === 0) return null;
  const num = (v: number | null) => (v === null ? MISSING : formatCount(v));
  return (
    <>
      <ScrollArea type="auto" mt="xs" offsetScrollbars="x">
        <Table fz="xs" verticalSpacing={4} miw={420} data-testid="session-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Session</Table.Th>
              <Table.Th ta="right">Length</Table.Th>
              <Table.Th ta="right">Views</Table.Th>
              <Table.Th ta="right">GMV</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(s.start_date)}</Table.Td>
                <Table.Td maw={200}>
                  <Text size="xs" truncate>
                    <Anchor component={Link} to={`/livestreams/${encodeURIComponent(s.id)}`} size="xs">
                      {s.title ?? s.id}
                    </Anchor>
                    {s.host ? <Text span c="dimmed" size="xs">{` · ${s.host}`}</Text> : null}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {s.duration_s === null ? MISSING : formatDuration(s.duration_s)}
                </Table.Td>
                <Table.Td ta="right">{num(s.views)}</Table.Td>
                <Table.Td ta="right">
                  {s.gmv === null ? MISSING : formatMoney(s.gmv, performance.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {performance.sessions.length > SHOWN_SESSIONS ? (
        <Text size="xs" c="dimmed" mt={4}>
          The latest {SHOWN_SESSIONS} of {performance.sessions.length} sessions shown.
        </Text>
      ) : null}
    </>
  );
}

export function CategoryMix({ performance }: { performance: SellerPerformance }) {
  const { sales, products } = performance.mix;
  return (
    <Card data-testid="category-mix">
      <Text fw={600} size="sm">
        Category mix
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        Order-line GMV by the products' subcategory in the period, and listed products
      </Text>
      {sales.length === 0 && products.length === 0 ? (
        <Text size="sm" c="dimmed">
          No order lines in the period and no products imported for this seller.
        </Text>
      ) : (
        <Stack gap={8}>
          {sales.map((row) => (
            <div key={row.subcategory ?? 'none'}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{row.name ?? 'No subcategory'}</Text>
                <Text size="sm" c="dimmed">
                  {formatMoney(row.amount, performance.currency)} ·{' '}
                  {row.share === null ? MISSING : formatRate(row.share)}
                </Text>
              </Group>
              <Progress
                value={(row.share ?? 0) * 100}
                size="sm"
                color="indigo"
                aria-label={`${row.name ?? 'No subcategory'} share`}
              />
            </div>
          ))}
          {products.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              Products:{' '}
              {products.map((p) => `${p.name ?? 'no subcategory'} ${formatCount(p.products)}`).join(' · ')}
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
