// The session list on narrow screens: one compact card per session — title and peer score, who
// and when, quality score and reviews, and the four figures the team scans first (GMV, GPM, CTR, views).
import { Anchor, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatMoney, formatRate, MISSING } from '../../ui/format';
import type { SessionRow } from './livestreams-api';
import { sessionHref, type LivestreamsView } from './livestreams-view';
import { formatScore, formatSessionDuration, formatStart } from './session-format';
import { PeerScoreBadge } from './SessionsTable';
import classes from './LivestreamsPage.module.css';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} className={classes.boardValue}>
        {value}
      </Text>
    </div>
  );
}

export function SessionsPhoneList({
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
  const money = (v: number | null) => (v === null ? MISSING : formatMoney(v, currency));
  return (
    <Stack gap="xs" data-testid="sessions-table">
      {rows.map((row) => (
        <Card key={row.id} padding="sm" data-testid="session-row" data-id={row.id}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor
              component={Link}
              to={sessionHref(row.id, view)}
              size="sm"
              fw={600}
              data-testid="session-link"
            >
              {row.title ?? `Session ${row.id}`}
            </Anchor>
            <PeerScoreBadge score={row.peer_score} />
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            <UnstyledButton
              className={classes.inlineFilter}
              onClick={() => onChange({ ...view, seller: row.seller_id, page: 1 })}
            >
              {row.seller_name}
            </UnstyledButton>
            {row.host ? ' · host ' : ''}
            {row.host ? (
              <UnstyledButton
                className={classes.inlineFilter}
                onClick={() => onChange({ ...view, host: row.host, page: 1 })}
              >
                {row.host}
              </UnstyledButton>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed">
            {row.subcategory_name ?? 'no subcategory'} · {formatStart(row.started_local)} ·{' '}
            {formatSessionDuration(row.duration_s)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="quality-cell" data-reviews={row.reviews}>
            Quality {formatScore(row.quality_score)} ·{' '}
            {row.reviews === 0 ? 'not reviewed' : `${row.reviews} review${row.reviews === 1 ? '' : 's'}`}
          </Text>
          <SimpleGrid cols={4} spacing="xs" mt="xs">
            <Figure label="GMV" value={money(row.live_gmv)} />
            <Figure label="GPM" value={money(row.gpm)} />
            <Figure label="CTR" value={row.ctr === null ? MISSING : formatRate(row.ctr)} />
            <Figure label="Views" value={row.views === null ? MISSING : formatCount(row.views)} />
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
