// The review queue: top sellers' (tier S and A) sessions of the last complete week that nobody has
// reviewed yet, highest GMV first — the sessions worth a reviewer's hour. Earlier weeks are one
// click away (`?tab=queue&week=<Monday>`); reviewing a session takes it off the queue.
import { Anchor, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyNote } from '../../../ui/EmptyNote';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { TableCard } from '../../../ui/TableCard';
import { formatCount, formatDateRange, formatMoney, MISSING } from '../../../ui/format';
import { sessionHref } from '../livestreams-view';
import { formatSessionDuration, formatStart } from '../session-format';
import { PeerScoreBadge } from '../SessionsTable';
import { useReviewQueue } from './use-reviews';

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const shiftWeek = (date: string, weeks: number) => shiftDays(date, 7 * weeks);

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function ReviewQueuePanel() {
  const [params, setParams] = useSearchParams();
  const week = params.get('week');
  // A week is Monday to Sunday: the chosen Monday and the day before the next one.
  const range = isDate(week) ? { from: week, to: shiftDays(week, 6) } : { from: null, to: null };
  const queue = useReviewQueue(range);
  const data = queue.data;
  const setWeek = (monday: string | null) => {
    const next = new URLSearchParams(params);
    if (monday === null) next.delete('week');
    else next.set('week', monday);
    setParams(next, { replace: true });
  };
  const move = (weeks: number) => {
    if (data) setWeek(shiftWeek(data.from, weeks));
  };
  return (
    <Stack gap="sm" data-testid="review-queue">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" data-testid="queue-summary">
          {data
            ? `${formatDateRange(data.from, data.to)} · sellers of tier ${data.tiers.join(' and ')} · ${formatCount(data.total)} waiting, ${formatCount(data.reviewed)} reviewed`
            : 'Top sellers’ sessions nobody has reviewed yet'}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => move(-1)} disabled={!data}>
            ← Week before
          </Button>
          <Button size="xs" variant="default" onClick={() => move(1)} disabled={!data || range.from === null}>
            Week after →
          </Button>
          {range.from !== null ? (
            <Button size="xs" variant="subtle" onClick={() => setWeek(null)}>
              Last week
            </Button>
          ) : null}
        </Group>
      </Group>
      {queue.isError ? (
        <ErrorPanel title="The queue could not be loaded" error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} />
      ) : !data ? (
        <Stack gap={6} aria-busy="true" aria-label="Loading the queue">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={44} radius="sm" />
          ))}
        </Stack>
      ) : data.rows.length === 0 ? (
        <EmptyNote title={data.reviewed > 0 ? 'Every top seller’s session of this week is reviewed' : 'No top seller streamed this week'} testId="queue-empty">
          {data.reviewed > 0
            ? `All ${formatCount(data.reviewed)} sessions have a review. Look at an earlier week, or at Calibration.`
            : 'Sellers of tier S and A had no sessions in this week. Try the week before.'}
        </EmptyNote>
      ) : (
        <TableCard minWidth={860} data-testid="queue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Session</Table.Th>
              <Table.Th>Tier</Table.Th>
              <Table.Th>Host</Table.Th>
              <Table.Th ta="right">Views</Table.Th>
              <Table.Th ta="right">GMV</Table.Th>
              <Table.Th ta="right">Peer score</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.id} data-testid="queue-row" data-id={row.id}>
                <Table.Td data-label="Session">
                  <Anchor component={Link} to={sessionHref(row.id)} size="sm" fw={500}>
                    {row.title ?? `Session ${row.id}`}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.sellerName} · {formatStart(row.startedLocal)} · {formatSessionDuration(row.durationS)}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Tier">{row.tier ?? MISSING}</Table.Td>
                <Table.Td data-label="Host">{row.host ?? MISSING}</Table.Td>
                <Table.Td data-label="Views" ta="right">
                  {row.views === null ? MISSING : formatCount(row.views)}
                </Table.Td>
                <Table.Td data-label="GMV" ta="right">
                  {row.liveGmv === null ? MISSING : formatMoney(row.liveGmv, data.currency)}
                </Table.Td>
                <Table.Td data-label="Peer score" ta="right">
                  <PeerScoreBadge score={row.peerScore} />
                </Table.Td>
                <Table.Td data-label="" ta="right">
                  <Button component={Link} to={sessionHref(row.id)} size="xs" variant="light" data-testid="queue-review">
                    Review
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
