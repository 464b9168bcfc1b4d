// The period's leaderboard: the five sessions with the best GPM and the best GMV per live hour,
// among sessions with at least the period's median views (so a tiny session that sold once does
// not top it).
import { useState } from 'react';
import { Anchor, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatMoney } from '../../ui/format';
import type { Leaderboard } from './livestreams-api';
import { sessionHref } from './livestreams-view';
import classes from './LivestreamsPage.module.css';

/** Side by side on wide screens; on a phone one card with a switch between the two boards. */
export function LeaderboardCards({
  leaderboard,
  compact = false,
}: {
  leaderboard: Leaderboard;
  compact?: boolean;
}) {
  const { currency, minViews } = leaderboard;
  const [chosen, setChosen] = useState<string>(leaderboard.boards[0]?.metric ?? 'gpm');
  const boards = compact ? leaderboard.boards.filter((b) => b.metric === chosen) : leaderboard.boards;
  return (
    <SimpleGrid cols={{ base: 1, md: compact ? 1 : 2 }} spacing="md" data-testid="leaderboard">
      {boards.map((board) => (
        <Card key={board.metric} padding="md" data-testid={`leaderboard-${board.metric}`}>
          <Group justify="space-between" align="baseline" mb="xs" gap={4}>
            {compact ? (
              <SegmentedControl
                size="xs"
                value={chosen}
                onChange={setChosen}
                data={leaderboard.boards.map((b) => ({ value: b.metric, label: `Top ${b.label}` }))}
                aria-label="Leaderboard"
              />
            ) : (
              <Text fw={600} size="sm" component="h2">
                Top {board.label}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {minViews === null ? '' : `sessions with ${formatCount(minViews)}+ views`}
            </Text>
          </Group>
          {board.rows.length === 0 ? (
            <Text size="sm" c="dimmed" py="md" ta="center">
              No sessions in this period.
            </Text>
          ) : (
            <ol className={classes.board}>
              {board.rows.map((row) => (
                <li key={row.id} className={classes.boardRow}>
                  <div className={classes.boardWho}>
                    <Anchor
                      component={Link}
                      to={sessionHref(row.id)}
                      size="sm"
                      fw={500}
                      className={classes.title}
                    >
                      {row.title ?? `Session ${row.id}`}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate>
                      {row.seller_name}
                      {row.host ? ` · ${row.host}` : ''}
                    </Text>
                  </div>
                  <Text size="sm" fw={600} className={classes.boardValue}>
                    {formatMoney(row[board.metric] ?? 0, currency)}
                  </Text>
                </li>
              ))}
            </ol>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function LeaderboardSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Skeleton height={220} radius="md" />
      <Skeleton height={220} radius="md" />
    </SimpleGrid>
  );
}
