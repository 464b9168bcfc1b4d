// A seller's two or three livestream improvement areas, for the seller page: the funnel step that
// cost the most money against peers first, then what the subcategory's top quartile does that this
// seller does not — each with its evidence and the usual fix.
import { Anchor, Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { formatDateRange, formatMoney } from '../../../ui/format';
import { useImprovementAreas, type ImprovementArea } from './best-practices-api';
import classes from './BestPracticesPanel.module.css';

const KIND_LABEL: Record<ImprovementArea['kind'], string> = { funnel: 'Funnel', practice: 'Practice', rubric: 'Rubric' };
const KIND_COLOR: Record<ImprovementArea['kind'], string> = { funnel: 'red', practice: 'indigo', rubric: 'grape' };

export function ImprovementAreasCard({ sellerId }: { sellerId: string }) {
  const areas = useImprovementAreas(sellerId);
  const data = areas.data;
  return (
    <Card data-testid="improvement-areas">
      <Group justify="space-between" gap="xs" align="baseline">
        <Text fw={600} size="sm">
          Livestream improvement areas
        </Text>
        {data ? (
          <Text size="xs" c="dimmed">
            {formatDateRange(data.from, data.to)} · {data.sessions} session{data.sessions === 1 ? '' : 's'} ·{' '}
            <Anchor component={Link} to="/livestreams?tab=best-practices" size="xs">
              best practices
            </Anchor>
          </Text>
        ) : null}
      </Group>
      {areas.error ? (
        <ErrorPanel title="Improvement areas could not be loaded" error={areas.error} onRetry={() => void areas.refetch()} retrying={areas.isFetching} />
      ) : !data ? (
        <Stack gap="xs" mt="sm">
          <Skeleton height={14} width="50%" />
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : data.areas.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs" data-testid="improvement-areas-note">
          {data.note}
        </Text>
      ) : (
        <ol className={classes.areas} style={{ marginTop: 10 }}>
          {data.areas.map((area) => (
            <li key={area.key} className={classes.area} data-area={area.key}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Badge size="xs" variant="light" color={KIND_COLOR[area.kind]}>
                  {KIND_LABEL[area.kind]}
                </Badge>
                <Text size="sm" fw={600}>
                  {area.headline}
                </Text>
                {area.upside !== null ? (
                  <Text size="xs" c="dimmed" ml="auto" className={classes.nowrap}>
                    +{formatMoney(area.upside, data.currency)} at peer median
                  </Text>
                ) : null}
              </Group>
              <Text size="sm" mt={4}>
                {area.evidence}
              </Text>
              <Text size="sm" c="dimmed" mt={2}>
                {area.action}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
