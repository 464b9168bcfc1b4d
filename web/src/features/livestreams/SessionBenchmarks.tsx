// The numbers half of the session page: the peer score with the peer group it comes from, the
// funnel from impressions to GMV with each step's rate against its peers, the sentence naming the
// step that lost the most money, and every benchmarked rate with its peer median, percentile and
// Good / Warning / Bad rating.
import { Badge, Card, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { TableCard } from '../../ui/TableCard';
import { formatDate, formatMoney, MISSING } from '../../ui/format';
import type { Benchmark, SessionDetail } from './livestreams-api';
import {
  formatFigure,
  formatPercentile,
  formatScore,
  percentileWords,
  RATING_COLORS,
  RATING_LABELS,
  scoreColor,
} from './session-format';
import classes from './SessionPage.module.css';

export function RatingBadge({ benchmark }: { benchmark: Pick<Benchmark, 'rating' | 'value' | 'peers'> }) {
  if (benchmark.rating) {
    return (
      <Badge color={RATING_COLORS[benchmark.rating]} variant="light" radius="sm" data-testid="rating">
        {RATING_LABELS[benchmark.rating]}
      </Badge>
    );
  }
  return (
    <Text size="xs" c="dimmed" span>
      {benchmark.value === null ? 'no value' : `${benchmark.peers} peers, too few`}
    </Text>
  );
}

export function ScoreCard({ detail }: { detail: SessionDetail }) {
  const { peerScore, peerGroup } = detail;
  return (
    <Card data-testid="score-card">
      <Text fw={600} size="sm" component="h2">
        Peer score
      </Text>
      <Group align="baseline" gap="xs" mt={4}>
        <Text fz={40} fw={700} lh={1.1} c={`${scoreColor(peerScore)}.8`} data-testid="peer-score-value">
          {formatScore(peerScore)}
        </Text>
        <Text size="sm" c="dimmed">
          / 100
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Mean percentile of the eight score rates among {peerGroup.peers} peer sessions:{' '}
        {peerGroup.subcategoryName ?? 'no subcategory'}, {peerGroup.bandLabel}, started{' '}
        {formatDate(peerGroup.from)} – {formatDate(peerGroup.to)}.
      </Text>
      <Text size="xs" c="dimmed" mt={8} data-testid="score-card-quality">
        {detail.quality.rubric === null
          ? 'Not reviewed yet: the quality score is the peer score until a reviewer scores the rubric.'
          : `Quality score ${formatScore(detail.quality.score)}: this and the rubric score ${formatScore(detail.quality.rubric)}, half each.`}
      </Text>
    </Card>
  );
}

export function DecompositionCard({ detail }: { detail: SessionDetail }) {
  const { decomposition, currency, benchmarks } = detail;
  const formats = new Map(benchmarks.map((b) => [b.metric, b.format]));
  const judged = decomposition.steps.filter((s) => s.gain !== null);
  return (
    <Card data-testid="decomposition">
      <Text fw={600} size="sm" component="h2">
        Where the funnel lost money
      </Text>
      <Text size="sm" mt="xs" className={classes.sentence} data-testid="decomposition-sentence">
        {decomposition.sentence}
      </Text>
      {judged.length > 0 ? (
        <div className={classes.steps} data-testid="decomposition-steps">
          {judged.map((step) => {
            const format = formats.get(step.metric) ?? 'number';
            const weakest = step.key === decomposition.weakest;
            return (
              <div key={step.key} className={classes.stepRow} data-weakest={weakest || undefined}>
                <Text size="xs" fw={weakest ? 600 : 400}>
                  {step.label}
                </Text>
                <Text size="xs" c="dimmed" className={classes.number}>
                  {formatFigure(step.value, format, currency)} vs{' '}
                  {formatFigure(step.peerMedian, format, currency)}
                </Text>
                <Text
                  size="xs"
                  fw={600}
                  c={(step.gain ?? 0) > 0.005 ? 'red.8' : 'teal.8'}
                  className={classes.number}
                  ta="right"
                >
                  {(step.gain ?? 0) > 0.005 ? `−${formatMoney(step.gain ?? 0, currency)}` : 'at or above'}
                </Text>
              </div>
            );
          })}
          <Text size="xs" c="dimmed" mt={4}>
            This session vs the peer median per step; in red, the GMV the step cost against its median.
          </Text>
        </div>
      ) : null}
    </Card>
  );
}

/** Impressions → views → clicks → orders → GMV, bars on a log scale so a 10,000-to-5 funnel stays readable. */
export function FunnelCard({ detail }: { detail: SessionDetail }) {
  const { funnel, currency, benchmarks } = detail;
  const byMetric = new Map(benchmarks.map((b) => [b.metric, b]));
  const rates = ['live_view_rate', 'ctr', 'ctor', 'live_aov'];
  const counts = funnel.filter((f) => f.format !== 'money');
  const max = Math.max(1, ...counts.map((f) => f.value ?? 0));
  const width = (value: number | null) =>
    value === null || value <= 0 ? 0 : Math.max(3, (100 * Math.log10(1 + value)) / Math.log10(1 + max));
  return (
    <Card data-testid="funnel">
      <Text fw={600} size="sm" component="h2" mb="sm">
        Funnel
      </Text>
      <Stack gap={4}>
        {funnel.map((step, index) => {
          const rate = index > 0 ? byMetric.get(rates[index - 1] ?? '') : undefined;
          return (
            <div key={step.metric}>
              {rate ? (
                <div className={classes.funnelRate} data-testid={`funnel-rate-${rate.metric}`}>
                  <Text size="xs" c="dimmed" span>
                    ↓ {rate.label} {formatFigure(rate.value, rate.format, currency)}
                  </Text>
                  <Tooltip
                    label={`Peer median ${formatFigure(rate.peerMedian, rate.format, currency)}${rate.percentile === null ? '' : ` · ${percentileWords(rate.percentile)}`}`}
                    withArrow
                  >
                    <span className={classes.funnelBadge}>
                      <RatingBadge benchmark={rate} />
                      <Text size="xs" c="dimmed" span>
                        {formatPercentile(rate.percentile)}
                      </Text>
                    </span>
                  </Tooltip>
                </div>
              ) : null}
              <div className={classes.funnelStep}>
                <Text size="sm" className={classes.funnelLabel}>
                  {step.label}
                </Text>
                {step.format === 'money' ? (
                  <Text size="sm" fw={700} className={classes.number} data-testid="funnel-gmv">
                    {formatFigure(step.value, step.format, currency)}
                  </Text>
                ) : (
                  <div className={classes.funnelBarCell}>
                    <Progress
                      value={width(step.value)}
                      size="lg"
                      radius="sm"
                      color="indigo.4"
                      className={classes.funnelBar}
                      aria-hidden="true"
                    />
                    <Text size="sm" fw={600} className={classes.number}>
                      {formatFigure(step.value, step.format, currency)}
                    </Text>
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}

/** Phones: one two-line item per rate instead of a five-line table block. */
function BenchmarkList({ detail }: { detail: SessionDetail }) {
  const { benchmarks, currency } = detail;
  return (
    <Card padding="sm" data-testid="benchmark-table">
      {benchmarks.map((b) => (
        <div key={b.metric} className={classes.benchItem} data-testid="benchmark-row" data-metric={b.metric}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500}>
              {b.label}
            </Text>
            <RatingBadge benchmark={b} />
          </Group>
          <Text size="xs" c="dimmed" className={classes.number}>
            <span data-testid="benchmark-value">{formatFigure(b.value, b.format, currency)}</span> · median{' '}
            <span data-testid="benchmark-median">{formatFigure(b.peerMedian, b.format, currency)}</span> ·{' '}
            <span data-testid="benchmark-percentile">{formatPercentile(b.percentile)}</span>
          </Text>
        </div>
      ))}
    </Card>
  );
}

export function BenchmarkTable({ detail }: { detail: SessionDetail }) {
  const narrow = useMediaQuery('(max-width: 62em)') ?? false;
  return (
    <div>
      <Text fw={600} size="sm" component="h2" mb="xs">
        Against {detail.peerGroup.peers} peer sessions
      </Text>
      {narrow ? <BenchmarkList detail={detail} /> : <BenchmarkRows detail={detail} />}
      <Text size="xs" c="dimmed" mt={6}>
        Percentile: the share of peers this session did better than (ties count half). Good at or above the
        peer median, Warning below it, Bad in the bottom quarter. {MISSING} where the session or too few peers
        have a value.
      </Text>
    </div>
  );
}

function BenchmarkRows({ detail }: { detail: SessionDetail }) {
  const { benchmarks, currency } = detail;
  return (
    <TableCard minWidth={560} data-testid="benchmark-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rate</Table.Th>
          <Table.Th ta="right">This session</Table.Th>
          <Table.Th ta="right">Peer median</Table.Th>
          <Table.Th ta="right">Percentile</Table.Th>
          <Table.Th>Rating</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {benchmarks.map((b) => (
          <Table.Tr key={b.metric} data-testid="benchmark-row" data-metric={b.metric}>
            <Table.Td data-label="Rate">
              <Tooltip label={b.description} withArrow multiline maw={280}>
                <Text size="sm" span className={classes.defined}>
                  {b.label}
                </Text>
              </Tooltip>
              {b.scored ? null : (
                <Text size="xs" c="dimmed" span>
                  {' '}
                  · funnel
                </Text>
              )}
            </Table.Td>
            <Table.Td
              data-label="This session"
              ta="right"
              className={classes.number}
              data-testid="benchmark-value"
            >
              {formatFigure(b.value, b.format, currency)}
            </Table.Td>
            <Table.Td
              data-label="Peer median"
              ta="right"
              className={classes.number}
              data-testid="benchmark-median"
            >
              {formatFigure(b.peerMedian, b.format, currency)}
            </Table.Td>
            <Table.Td
              data-label="Percentile"
              ta="right"
              className={classes.number}
              data-testid="benchmark-percentile"
            >
              {formatPercentile(b.percentile)}
            </Table.Td>
            <Table.Td data-label="Rating">
              <RatingBadge benchmark={b} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
