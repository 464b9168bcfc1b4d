// The host's quality score week by week: how many sessions they streamed and how many were
// reviewed, the rubric part, the peer part and the combined score, with the direction of the trend.
import { Card, Group, Table, Text } from '@mantine/core';
import { formatShortDate } from '../../../ui/format';
import { formatScore } from '../session-format';

export interface HostQualityTrend {
  sellerId: string;
  host: string;
  weeks: { week: string; sessions: number; reviewed: number; rubric: number | null; peers: number | null; quality: number | null }[];
  slope: number | null;
  direction: 'rising' | 'falling' | 'steady' | null;
}

export function HostQualityCard({ trend, sellerName }: { trend: HostQualityTrend | null; sellerName: string }) {
  return (
    <Card data-testid="host-quality">
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fw={600} size="sm" component="h2">
          {trend ? `${trend.host}'s quality score, week by week` : 'Host quality'}
        </Text>
        {trend?.direction ? (
          <Text
            size="xs"
            fw={600}
            c={trend.direction === 'rising' ? 'teal.8' : trend.direction === 'falling' ? 'red.8' : 'dimmed'}
            data-testid="host-quality-direction"
          >
            {trend.direction}
            {trend.slope !== null ? ` · ${trend.slope > 0 ? '+' : ''}${trend.slope} a week` : ''}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Mean quality score of the host&apos;s sessions at {sellerName}: rubric reviews and peer score
      </Text>
      {!trend || trend.weeks.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {trend ? 'No sessions in the last weeks.' : 'The session names no host.'}
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table fz="xs" verticalSpacing={3} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Week of</Table.Th>
                <Table.Th ta="right">Sessions</Table.Th>
                <Table.Th ta="right">Reviewed</Table.Th>
                <Table.Th ta="right">Rubric</Table.Th>
                <Table.Th ta="right">Peers</Table.Th>
                <Table.Th ta="right">Quality</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.weeks.map((w) => (
                <Table.Tr key={w.week}>
                  <Table.Td>{formatShortDate(w.week)}</Table.Td>
                  <Table.Td ta="right">{w.sessions}</Table.Td>
                  <Table.Td ta="right">{w.reviewed}</Table.Td>
                  <Table.Td ta="right">{formatScore(w.rubric)}</Table.Td>
                  <Table.Td ta="right">{formatScore(w.peers)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatScore(w.quality)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
