// Calibration: sessions scored by two or more reviewers, the widest disagreement first (2+ points
// apart on a criterion is flagged), and each reviewer's habit — how far above or below their
// co-reviewers they score on average — so the team can agree on what a 3 and a 4 look like.
import { useState } from 'react';
import { Anchor, Badge, Card, Grid, Group, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyNote } from '../../../ui/EmptyNote';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { TableCard } from '../../../ui/TableCard';
import { sessionHref } from '../livestreams-view';
import { formatStart } from '../session-format';
import { shortReviewer } from './review-form';
import { useCalibration } from './use-reviews';

export function CalibrationPanel() {
  const [flagged, setFlagged] = useState(true);
  const calibration = useCalibration(flagged);
  const data = calibration.data;
  return (
    <Stack gap="sm" data-testid="calibration">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          Sessions with several reviewers; a criterion is flagged when two reviewers are {data?.disagreePoints ?? 2}+ points apart.
        </Text>
        <Switch size="sm" label="Only disagreements" checked={flagged} onChange={(e) => setFlagged(e.currentTarget.checked)} data-testid="calibration-flagged" />
      </Group>
      {calibration.isError ? (
        <ErrorPanel title="Calibration could not be loaded" error={calibration.error} onRetry={() => void calibration.refetch()} retrying={calibration.isFetching} />
      ) : !data ? (
        <Skeleton height={240} radius="md" aria-busy="true" aria-label="Loading calibration" />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            {data.sessions.length === 0 ? (
              <EmptyNote title={flagged ? 'No disagreements' : 'No session has two reviewers yet'} testId="calibration-empty">
                {flagged ? 'Reviewers are within a point of each other on every shared session.' : 'Ask a second reviewer to score a few sessions of the queue.'}
              </EmptyNote>
            ) : (
              <TableCard minWidth={640} data-testid="calibration-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Session</Table.Th>
                    <Table.Th>Reviewers (score)</Table.Th>
                    <Table.Th ta="right">Widest gap</Table.Th>
                    <Table.Th>Disagree on</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.sessions.map((s) => (
                    <Table.Tr key={s.livestreamId} data-testid="calibration-row">
                      <Table.Td data-label="Session">
                        <Anchor component={Link} to={sessionHref(s.livestreamId)} size="sm" fw={500}>
                          {s.title ?? `Session ${s.livestreamId}`}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s.sellerName} · {formatStart(s.startedLocal)}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label="Reviewers">
                        <Text size="xs">
                          {s.reviewers.map((r, i) => `${shortReviewer(r)} ${s.scores100[i]?.toFixed(0) ?? ''}`).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label="Widest gap" ta="right">
                        <Badge color={s.flagged ? 'red' : 'gray'} variant="light" radius="sm">
                          {s.maxSpread}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-label="Disagree on">
                        <Text size="xs">{s.flaggedCriteria.join(', ') || '—'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </TableCard>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card data-testid="calibration-reviewers">
            <Text fw={600} size="sm" component="h2">
              Reviewers
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              Offset: mean points above (+) or below (−) the other reviewers of the same sessions, per criterion.
            </Text>
            {data.reviewers.length === 0 ? (
              <Text size="sm" c="dimmed">
                No shared sessions yet.
              </Text>
            ) : (
              <Table fz="xs" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reviewer</Table.Th>
                    <Table.Th ta="right">Shared</Table.Th>
                    <Table.Th ta="right">Offset</Table.Th>
                    <Table.Th ta="right">2+ apart</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.reviewers.map((r) => (
                    <Table.Tr key={r.reviewer}>
                      <Table.Td title={r.reviewer}>{shortReviewer(r.reviewer)}</Table.Td>
                      <Table.Td ta="right">{r.sharedSessions}</Table.Td>
                      <Table.Td ta="right" c={r.meanOffset !== null && Math.abs(r.meanOffset) >= 0.5 ? 'red.8' : undefined}>
                        {r.meanOffset === null ? '—' : `${r.meanOffset > 0 ? '+' : r.meanOffset < 0 ? '−' : ''}${Math.abs(r.meanOffset).toFixed(2)}`}
                      </Table.Td>
                      <Table.Td ta="right">{r.disagreements}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
