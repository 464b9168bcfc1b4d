// The Sellers grid's columns. A column's id is the server's sort key, so sorting a column sorts
// on the server; only the columns in the server's whitelist are sortable. Numbers arrive finished
// and are only formatted here.
import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import {
  formatChangeRatio,
  formatCount,
  formatDate,
  formatMoney,
  formatRate,
  MISSING,
} from '../../ui/format';
import type { SellerRow } from './sellers-api';
import {
  fieldLabel,
  lifecycleColor,
  lifecycleLabel,
  liveStatusColor,
  liveStatusLabel,
} from './seller-labels';

export interface GridContext {
  /** The period of the view, carried into the seller page's link (`?from=…&to=…`). */
  periodQuery: string;
}

type Cell = ICellRendererParams<SellerRow, unknown, GridContext>;

function NameCell({ data, context }: Cell) {
  if (!data)
    return (
      <Text size="sm" c="dimmed">
        Loading…
      </Text>
    );
  return (
    <div style={{ lineHeight: 1.25, paddingTop: 5, minWidth: 0 }}>
      <Anchor
        component={Link}
        to={`/sellers/${encodeURIComponent(data.id)}${context.periodQuery ? `?${context.periodQuery}` : ''}`}
        size="sm"
        fw={600}
        c="dark.7"
        underline="hover"
        data-testid="seller-link"
        style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {data.name}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        {data.shop_name && data.shop_name !== data.name ? `${data.shop_name} · ${data.id}` : data.id}
      </Text>
    </div>
  );
}

function SegmentBadge({
  value,
  label,
  color,
}: {
  value: string | null;
  label: (v: string) => string;
  color: (v: string) => string;
}) {
  if (!value)
    return (
      <Text size="sm" c="dimmed">
        {MISSING}
      </Text>
    );
  return (
    <Badge variant="light" color={color(value)} size="sm" radius="sm" style={{ textTransform: 'none' }}>
      {label(value)}
    </Badge>
  );
}

function ChangeCell({ data }: Cell) {
  if (!data) return null;
  const ratio = data.gmv_change_ratio;
  const color = ratio === null || ratio === 0 ? 'dimmed' : ratio > 0 ? 'teal.8' : 'red.8';
  return (
    <Text size="sm" c={color} span>
      {ratio === null ? (data.gmv > 0 ? 'new' : MISSING) : formatChangeRatio(ratio)}
    </Text>
  );
}

const right = { type: 'rightAligned' } as const;

export function sellerColumns(currency: string): ColDef<SellerRow>[] {
  const money = (value: number | null | undefined) =>
    value === null || value === undefined ? MISSING : formatMoney(value, currency);
  return [
    {
      colId: 'name',
      headerName: 'Seller',
      field: 'name',
      sortable: true,
      sortingOrder: ['asc', 'desc'],
      pinned: 'left',
      width: 230,
      cellRenderer: NameCell,
    },
    {
      colId: 'subcategory',
      headerName: 'Subcategory',
      field: 'subcategory_name',
      sortable: true,
      sortingOrder: ['asc', 'desc'],
      width: 130,
      valueFormatter: (p) => p.value ?? MISSING,
    },
    {
      colId: 'tier',
      headerName: 'Tier',
      field: 'tier',
      sortable: true,
      width: 64,
      valueFormatter: (p) => p.value ?? MISSING,
      headerTooltip: "Aisle's tier from GMV percentiles over the rolling window",
    },
    {
      colId: 'lifecycle',
      headerName: 'Lifecycle',
      field: 'lifecycle',
      sortable: true,
      sortingOrder: ['asc', 'desc'],
      width: 116,
      cellRenderer: (p: Cell) =>
        p.data ? (
          <SegmentBadge value={p.data.lifecycle} label={lifecycleLabel} color={lifecycleColor} />
        ) : null,
    },
    {
      colId: 'live_status',
      headerName: 'Live status',
      field: 'live_status',
      sortable: true,
      width: 128,
      cellRenderer: (p: Cell) =>
        p.data ? (
          <SegmentBadge value={p.data.live_status} label={liveStatusLabel} color={liveStatusColor} />
        ) : null,
    },
    {
      colId: 'gmv',
      headerName: 'GMV',
      field: 'gmv',
      sortable: true,
      width: 116,
      ...right,
      valueFormatter: (p) => money(p.value),
    },
    {
      colId: 'gmv_change_ratio',
      headerName: 'Change',
      field: 'gmv_change_ratio',
      sortable: true,
      width: 100,
      ...right,
      cellRenderer: ChangeCell,
      tooltipValueGetter: (p) => (p.data ? `Comparison period: ${money(p.data.gmv_previous)}` : undefined),
    },
    {
      colId: 'orders',
      headerName: 'Orders',
      field: 'orders',
      sortable: true,
      width: 84,
      ...right,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? MISSING : formatCount(p.value)),
    },
    {
      colId: 'live_sessions',
      headerName: 'Live',
      headerTooltip: 'Livestream sessions in the period',
      field: 'live_sessions',
      sortable: true,
      width: 72,
      ...right,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? MISSING : formatCount(p.value)),
    },
    {
      colId: 'live_gmv_share',
      headerName: 'Live share',
      field: 'live_gmv_share',
      sortable: true,
      width: 96,
      ...right,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? MISSING : formatRate(p.value)),
      headerTooltip: 'Live GMV / GMV in the period',
    },
    {
      colId: 'last_contact_at',
      headerName: 'Last contact',
      field: 'last_contact_date',
      sortable: true,
      width: 112,
      valueFormatter: (p) => (p.value ? formatDate(p.value) : 'Never'),
    },
    {
      colId: 'owner',
      headerName: 'Owner',
      field: 'owner_name',
      sortable: true,
      sortingOrder: ['asc', 'desc'],
      width: 116,
      valueFormatter: (p) => p.value ?? MISSING,
    },
    {
      colId: 'completeness',
      headerName: 'Profile',
      field: 'completeness',
      sortable: true,
      sortingOrder: ['asc', 'desc'],
      width: 80,
      ...right,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? MISSING : `${p.value}%`),
      tooltipValueGetter: (p) =>
        p.data && p.data.missing_fields.length
          ? `Missing: ${p.data.missing_fields.map(fieldLabel).join(', ')}`
          : 'Complete',
    },
  ];
}
