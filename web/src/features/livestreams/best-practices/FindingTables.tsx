// The comparison tables of the Best practices tab: numeric findings (medians of the top quartile
// and the rest, the share of pairs the top quartile wins) and share findings (start hours, review
// tags). The server sorts each list by evidence; the table shows it in that order.
import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { TableCard } from '../../../ui/TableCard';
import type { NumericFinding, ShareFinding, Size, Strength } from './best-practices-api';
import {
  formatFindingValue,
  formatPoints,
  formatRelative,
  formatShare,
  verdict,
  verdictTooltip,
} from './best-practices-view';
import classes from './BestPracticesPanel.module.css';

function VerdictBadge({ size, strength, z }: { size: Size; strength: Strength; z: number }) {
  const v = verdict(size, strength);
  return (
    <Tooltip label={verdictTooltip(size, strength, z)} withArrow>
      <Badge variant={v.variant} color={v.color} size="sm" data-size={size} data-strength={strength}>
        {v.label}
      </Badge>
    </Tooltip>
  );
}

/** The share of pairs as a small bar centred on 50% (no difference). */
function PairsBar({ finding }: { finding: NumericFinding }) {
  const won = finding.superiority;
  const label =
    finding.direction === 'same'
      ? 'no difference'
      : `${finding.direction === 'higher' ? 'higher' : 'lower'} in ${formatShare(finding.direction === 'higher' ? won : 1 - won)}`;
  return (
    <Group gap={8} wrap="nowrap">
      <div className={classes.pairs} aria-hidden>
        <div
          className={classes.pairsFill}
          data-direction={won >= 0.5 ? 'up' : 'down'}
          style={{ left: `${Math.min(won, 0.5) * 100}%`, width: `${Math.abs(won - 0.5) * 100}%` }}
        />
        <div className={classes.pairsMid} />
      </div>
      <Text size="sm" className={classes.nowrap}>
        {label}
      </Text>
    </Group>
  );
}

export function NumericFindingsTable({
  findings,
  currency,
  featureHeader,
  testId,
}: {
  findings: NumericFinding[];
  currency: string;
  featureHeader: string;
  testId: string;
}) {
  return (
    <TableCard minWidth={820} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{featureHeader}</Table.Th>
          <Table.Th ta="right">Top quartile</Table.Th>
          <Table.Th ta="right">Others</Table.Th>
          <Table.Th ta="right">Difference</Table.Th>
          <Table.Th>
            <Tooltip label="Of all pairs of one top-quartile and one other session, how often the top one has the higher value (ties count half)" withArrow multiline w={260}>
              <span className={classes.help}>Top session higher</span>
            </Tooltip>
          </Table.Th>
          <Table.Th ta="right">Sessions</Table.Th>
          <Table.Th>Verdict</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {findings.map((f) => (
          <Table.Tr key={f.key} data-finding={f.key}>
            <Table.Td data-label={featureHeader}>
              <Text size="sm" fw={500}>
                {f.label}
              </Text>
            </Table.Td>
            <Table.Td data-label="Top quartile" ta="right" className={classes.num}>
              {formatFindingValue(f.topMedian, f.format, currency)}
            </Table.Td>
            <Table.Td data-label="Others" ta="right" className={classes.num}>
              {formatFindingValue(f.restMedian, f.format, currency)}
            </Table.Td>
            <Table.Td data-label="Difference" ta="right" className={classes.num}>
              {formatRelative(f.change)}
            </Table.Td>
            <Table.Td data-label="Top higher">
              <PairsBar finding={f} />
            </Table.Td>
            <Table.Td data-label="Sessions" ta="right" className={classes.num}>
              {f.topSessions} vs {f.restSessions}
            </Table.Td>
            <Table.Td data-label="Verdict">
              <VerdictBadge size={f.size} strength={f.strength} z={f.z} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

export function ShareFindingsTable({
  findings,
  itemHeader,
  testId,
}: {
  findings: ShareFinding[];
  itemHeader: string;
  testId: string;
}) {
  return (
    <TableCard minWidth={680} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{itemHeader}</Table.Th>
          <Table.Th ta="right">Top quartile</Table.Th>
          <Table.Th ta="right">Others</Table.Th>
          <Table.Th ta="right">Gap</Table.Th>
          <Table.Th ta="right">Sessions</Table.Th>
          <Table.Th>Verdict</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {findings.map((f) => (
          <Table.Tr key={f.key} data-finding={f.key}>
            <Table.Td data-label={itemHeader}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {f.label}
                </Text>
                {f.tagKind === 'issue' ? (
                  <Badge size="xs" variant="outline" color="orange">
                    issue
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td data-label="Top quartile" ta="right" className={classes.num}>
              {formatShare(f.topShare)}
            </Table.Td>
            <Table.Td data-label="Others" ta="right" className={classes.num}>
              {formatShare(f.restShare)}
            </Table.Td>
            <Table.Td data-label="Gap" ta="right" className={classes.num} c={f.difference > 0 ? 'teal.8' : f.difference < 0 ? 'red.8' : undefined}>
              {formatPoints(f.difference)}
            </Table.Td>
            <Table.Td data-label="Sessions" ta="right" className={classes.num}>
              {f.topSessions} vs {f.restSessions}
            </Table.Td>
            <Table.Td data-label="Verdict">
              <VerdictBadge size={f.size} strength={f.strength} z={f.z} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
