// The period's sessions: what was streamed, by whom and when, its reach, sales and the rates the
// team compares, and its peer score. The title opens the session; a seller or host name narrows
// the list to them. On narrow screens each row becomes a labelled block (TableCard).
import { Anchor, Badge, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { TableCard } from '../../ui/TableCard';
import { formatCount, formatMoney, formatRate, MISSING } from '../../ui/format';
import type { SessionRow } from './livestreams-api';
import { sessionHref, type LivestreamsView } from './livestreams-view';
import { formatScore, formatSessionDuration, formatStart, scoreColor } from './session-format';
import classes from './LivestreamsPage.module.css';

const money = (value: number | null, currency: string) =>
  value === null ? MISSING : formatMoney(value, currency);
const rate = (value: number | null) => (value === null ? MISSING : formatRate(value));

export function PeerScoreBadge({ score }: { score: number | null }) {
  return (
    <Badge
      color={scoreColor(score)}
      variant={score === null ? 'outline' : 'light'}
      radius="sm"
      size="md"
      miw={40}
      data-testid="peer-score"
    >
      {formatScore(score)}
    </Badge>
  );
}

/** The quality score (rubric and peers) with how many reviews are behind it. */
export function QualityCell({ row }: { row: Pick<SessionRow, 'quality_score' | 'reviews'> }) {
  return (
    <Text size="xs" c="dimmed" mt={2} lh={1.3} data-testid="quality-cell" data-reviews={row.reviews}>
      {row.reviews === 0 ? (
        'not reviewed'
      ) : (
        <>
          <abbr title="Quality score: rubric and peer score, half each">Q</abbr>{' '}
          <Text span size="xs" fw={700} c="dark.7">
            {formatScore(row.quality_score)}
          </Text>
          <br />
          {row.reviews} review{row.reviews === 1 ? '' : 's'}
        </>
      )}
    </Text>
  );
}

export function SessionsTable({
  rows,
  currency,
  view,
  onChange,
}: {
  rows: SessionRow[];
  currency: string;
  view: LivestreamsView;
  onChange: (next: LivestreamsView) => void;
}) {
  return (
    <TableCard minWidth={960} data-testid="sessions-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Session</Table.Th>
          <Table.Th>Host</Table.Th>
          <Table.Th ta="right">Views</Table.Th>
          <Table.Th ta="right">GMV</Table.Th>
          <Table.Th ta="right">GPM</Table.Th>
          <Table.Th ta="right">GMV / hour</Table.Th>
          <Table.Th ta="right">CTR</Table.Th>
          <Table.Th ta="right">Engagement</Table.Th>
          <Table.Th
            ta="right"
            title="Peer score: mean percentile among peers of the eight score rates (0–100). Quality: rubric reviews and peer score, half each (the peer score alone until reviewed)"
          >
            Peer / quality
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="session-row" data-id={row.id}>
            <Table.Td data-label="Session" className={classes.sessionCell}>
              <Anchor
                component={Link}
                to={sessionHref(row.id, view)}
                size="sm"
                fw={500}
                className={classes.title}
                data-testid="session-link"
              >
                {row.title ?? `Session ${row.id}`}
              </Anchor>
              <Text size="xs" c="dimmed" className={classes.meta}>
                <UnstyledButton
                  className={classes.inlineFilter}
                  onClick={() => onChange({ ...view, seller: row.seller_id, page: 1 })}
                  title={`Only ${row.seller_name}'s sessions`}
                >
                  {row.seller_name}
                </UnstyledButton>
                {` · ${row.subcategory_name ?? 'no subcategory'} · ${formatStart(row.started_local)} · ${formatSessionDuration(row.duration_s)}`}
              </Text>
            </Table.Td>
            <Table.Td data-label="Host" className={classes.host}>
              {row.host ? (
                <UnstyledButton
                  className={classes.inlineFilter}
                  onClick={() => onChange({ ...view, host: row.host, page: 1 })}
                  title={`Only ${row.host}'s sessions`}
                >
                  <Text size="sm">{row.host}</Text>
                </UnstyledButton>
              ) : (
                MISSING
              )}
            </Table.Td>
            <Table.Td data-label="Views" ta="right">
              {row.views === null ? MISSING : formatCount(row.views)}
            </Table.Td>
            <Table.Td data-label="GMV" ta="right">
              {money(row.live_gmv, currency)}
            </Table.Td>
            <Table.Td data-label="GPM" ta="right">
              {money(row.gpm, currency)}
            </Table.Td>
            <Table.Td data-label="GMV / hour" ta="right">
              {money(row.gmv_per_live_hour, currency)}
            </Table.Td>
            <Table.Td data-label="CTR" ta="right">
              {rate(row.ctr)}
            </Table.Td>
            <Table.Td data-label="Engagement" ta="right">
              {rate(row.engagement_rate)}
            </Table.Td>
            <Table.Td data-label="Peer / quality" ta="right">
              <PeerScoreBadge score={row.peer_score} />
              <QualityCell row={row} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

export function SessionsTableSkeleton() {
  return (
    <Stack gap={6} aria-busy="true" aria-label="Loading sessions" data-testid="sessions-loading">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} height={44} radius="sm" />
      ))}
    </Stack>
  );
}
