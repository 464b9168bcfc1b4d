// GMV and livestream figures by subcategory: sortable by any column, each figure a link to the
// sellers (or sessions) of that subcategory in the period, and the same table as a styled workbook.
// On a phone the table scrolls sideways with the subcategory column held in place.
import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { ValueFormat } from '../../ui/format';
import {
  DEFAULT_BREAKDOWN_SORT,
  nextSort,
  sortBreakdown,
  type BreakdownSort,
  type BreakdownSortKey,
} from './breakdown-sort';
import type { BreakdownRow, DateRange, Overview } from './overview-api';
import {
  changeArrow,
  changeTone,
  comparisonShortName,
  formatHeadlineChange,
  formatExact,
  formatMoneyWhole,
} from './overview-format';
import { subcategoryHref } from './overview-links';
import { breakdownExportPath } from './overview-view';
import classes from './BreakdownTable.module.css';

interface Column {
  key: Exclude<BreakdownSortKey, 'name'>;
  label: string;
  /** The metric the cell shows (the GMV change column shows GMV's change). */
  metric: string;
  format: ValueFormat;
  /** Large amounts in whole currency units, so the column lines up. */
  whole?: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'gmv', label: 'GMV', metric: 'gmv', format: 'money', whole: true },
  { key: 'gmv_change', label: 'GMV change', metric: 'gmv', format: 'money' },
  { key: 'orders', label: 'Orders', metric: 'orders', format: 'count' },
  { key: 'aov', label: 'AOV', metric: 'aov', format: 'money' },
  { key: 'live_gmv', label: 'Live GMV', metric: 'live_gmv', format: 'money', whole: true },
  { key: 'live_gmv_share', label: 'Live share', metric: 'live_gmv_share', format: 'rate' },
  { key: 'live_sessions', label: 'Live sessions', metric: 'live_sessions', format: 'count' },
  { key: 'seller_adoption_rate', label: 'Adoption rate', metric: 'seller_adoption_rate', format: 'rate' },
  { key: 'active_sellers', label: 'Active sellers', metric: 'active_sellers', format: 'count' },
];

const MIN_WIDTH = 1000;

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  sortKey: BreakdownSortKey;
  sort: BreakdownSort;
  onSort: (key: BreakdownSortKey) => void;
  numeric: boolean;
}) {
  const active = sort.key === sortKey;
  return (
    <Table.Th
      ta={numeric ? 'right' : 'left'}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(sortKey)}
        data-testid={`breakdown-sort-${sortKey}`}
      >
        {label}
        <span aria-hidden="true" className={classes.sortMark}>
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

function Cell({
  row,
  column,
  currency,
  current,
}: {
  row: BreakdownRow;
  column: Column;
  currency: string;
  current: DateRange | null;
}) {
  const link = (text: string, title: string) =>
    row.subcategory === null ? (
      <span title={title}>{text}</span>
    ) : (
      <Anchor
        component={Link}
        to={subcategoryHref(row.subcategory, column.metric, current)}
        underline="hover"
        inherit
        className={classes.cellLink}
        title={title}
      >
        {text}
      </Anchor>
    );
  if (column.key === 'gmv_change') {
    const ratio = row.changeRatio.gmv ?? null;
    const tone = changeTone(ratio, 'higher_is_better');
    return (
      <Table.Td ta="right" className={classes.change} data-tone={tone} data-testid="breakdown-gmv-change">
        {link(
          `${changeArrow(ratio)} ${formatHeadlineChange(ratio, ratio, 'money', currency)}`.trim(),
          `Compared with ${formatExact(row.comparison.gmv ?? null, 'money', currency)}`,
        )}
      </Table.Td>
    );
  }
  const value = row.values[column.key] ?? null;
  return (
    <Table.Td ta="right" data-column={column.key}>
      {link(
        column.whole ? formatMoneyWhole(value, currency) : formatExact(value, column.format, currency),
        formatExact(value, column.format, currency),
      )}
    </Table.Td>
  );
}

export function BreakdownTable({ overview }: { overview: Overview }) {
  const [sort, setSort] = useState<BreakdownSort>(DEFAULT_BREAKDOWN_SORT);
  const rows = useMemo(() => sortBreakdown(overview.breakdown, sort), [overview.breakdown, sort]);
  const { currency, current } = overview;
  const exportHref = current
    ? breakdownExportPath({
        period: overview.period,
        compare: overview.compare,
        from: current.from,
        to: current.to,
      })
    : null;
  const onSort = (key: BreakdownSortKey) => setSort((previous) => nextSort(previous, key));

  return (
    <Card padding={0} data-testid="overview-breakdown">
      <Group justify="space-between" align="center" px="lg" py="md" gap="xs">
        <Text fw={600} size="sm" component="h2">
          By subcategory
        </Text>
        {exportHref ? (
          <Button
            component="a"
            href={exportHref}
            download
            variant="default"
            size="xs"
            data-testid="breakdown-export"
          >
            Export to Excel
          </Button>
        ) : null}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" pb="xl" pt="sm">
          No sales by subcategory in this period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={MIN_WIDTH} type="native">
          <Table
            className={classes.table}
            highlightOnHover
            fz="sm"
            verticalSpacing="xs"
            horizontalSpacing="sm"
          >
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Subcategory" sortKey="name" sort={sort} onSort={onSort} numeric={false} />
                {COLUMNS.map((column) => (
                  <SortHeader
                    key={column.key}
                    label={
                      column.key === 'gmv_change'
                        ? `vs ${comparisonShortName(overview.compare).toLowerCase()}`
                        : column.label
                    }
                    sortKey={column.key}
                    sort={sort}
                    onSort={onSort}
                    numeric
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.subcategory ?? '(none)'}
                  data-testid="breakdown-row"
                  data-subcategory={row.subcategory ?? ''}
                >
                  <Table.Td fw={500}>
                    {row.subcategory === null ? (
                      <Text span inherit c="dimmed">
                        {row.name}
                      </Text>
                    ) : (
                      <Anchor
                        component={Link}
                        to={subcategoryHref(row.subcategory, 'gmv', current)}
                        underline="hover"
                        c="dark.7"
                        inherit
                      >
                        {row.name}
                      </Anchor>
                    )}
                  </Table.Td>
                  {COLUMNS.map((column) => (
                    <Cell key={column.key} row={row} column={column} currency={currency} current={current} />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

export function BreakdownTableSkeleton() {
  return (
    <Card aria-hidden="true">
      <Skeleton height={12} width={140} mb="md" />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} height={18} mb={10} />
      ))}
    </Card>
  );
}
