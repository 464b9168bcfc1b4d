// The sellers whose GMV moved most against the comparison period, up and down: each a link to the
// seller, with the subcategory, the period's GMV and the change.
import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DateRange, Mover, Overview } from './overview-api';
import {
  changeArrow,
  comparisonName,
  formatMoneyExact,
  formatMoneyWhole,
  formatMoverRatio,
} from './overview-format';
import { sellerHref } from './overview-links';
import classes from './TopMovers.module.css';

function MoverRow({
  mover,
  side,
  index,
  currency,
  subcategoryName,
  current,
}: {
  mover: Mover;
  side: 'up' | 'down';
  index: number;
  currency: string;
  subcategoryName: string | null;
  current: DateRange | null;
}) {
  const money = (value: number) => formatMoneyExact(value, currency);
  return (
    <li className={classes.row} data-testid={`mover-${side}-${index}`} data-seller={mover.seller}>
      <div className={classes.who}>
        <Anchor
          component={Link}
          to={sellerHref(mover.seller, current)}
          size="sm"
          fw={500}
          c="dark.7"
          underline="hover"
          className={classes.name}
          data-testid="mover-link"
        >
          {mover.name}
        </Anchor>
        <Text size="xs" c="dimmed" truncate>
          {subcategoryName ?? 'No subcategory'}
        </Text>
      </div>
      <div
        className={classes.figures}
        title={`${money(mover.value)}, before ${money(mover.previous)}: ${formatMoneyExact(mover.change, currency, true)}`}
      >
        <Text size="sm" fw={600} className={classes.value}>
          {formatMoneyWhole(mover.value, currency)}
        </Text>
        <Text size="xs" className={classes.change} data-side={side}>
          <span aria-hidden="true">{changeArrow(mover.change)} </span>
          {formatMoneyWhole(mover.change, currency, true)} · {formatMoverRatio(mover.changeRatio)}
        </Text>
      </div>
    </li>
  );
}

function MoverList({
  title,
  side,
  overview,
  names,
}: {
  title: string;
  side: 'up' | 'down';
  overview: Overview;
  names: Map<string, string>;
}) {
  const movers = overview.movers[side];
  return (
    <Card data-testid={`movers-${side}`} padding="md">
      <Group justify="space-between" align="baseline" mb="xs" gap={4}>
        <Text fw={600} size="sm" component="h2">
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          GMV vs {comparisonName(overview.compare)}
        </Text>
      </Group>
      {movers.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {side === 'up' ? 'No seller grew in this period.' : 'No seller fell in this period.'}
        </Text>
      ) : (
        <ol className={classes.list}>
          {movers.map((mover, index) => (
            <MoverRow
              key={mover.seller}
              mover={mover}
              side={side}
              index={index}
              currency={overview.currency}
              subcategoryName={
                mover.subcategory === null ? null : (names.get(mover.subcategory) ?? mover.subcategory)
              }
              current={overview.current}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}

export function TopMovers({ overview }: { overview: Overview }) {
  if (overview.compare === 'target') {
    return (
      <Card data-testid="movers-target" py="lg">
        <Text fw={600} size="sm" component="h2">
          Top movers
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          Movers compare two periods. Compare with the previous period or the same period last year to see
          which sellers rose and fell.
        </Text>
      </Card>
    );
  }
  const names = new Map(
    overview.breakdown.flatMap((row) =>
      row.subcategory === null ? [] : [[row.subcategory, row.name] as const],
    ),
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <MoverList title="Sellers up" side="up" overview={overview} names={names} />
      <MoverList title="Sellers down" side="down" overview={overview} names={names} />
    </SimpleGrid>
  );
}

export function TopMoversSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden="true">
      {[0, 1].map((key) => (
        <Card key={key} padding="md">
          <Skeleton height={12} width={120} mb="md" />
          <Stack gap={12}>
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton key={index} height={28} />
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
