// The list's controls: period (the Overview's presets or a custom range), a search over title, host
// and seller, subcategory, peer score band and sort; seller and host filters set from the table show
// as chips that clear with one click.
import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PERIOD_OPTIONS, type PeriodPreset } from '../overview/overview-view';
import type { ListOptions } from './livestreams-api';
import {
  activeFilterCount,
  BAND_OPTIONS,
  DEFAULT_LIVESTREAMS_VIEW,
  QUALITY_BAND_OPTIONS,
  REVIEWED_OPTIONS,
  SORT_OPTIONS,
  type LivestreamsView,
} from './livestreams-view';

const PERIOD_LABELS: Record<PeriodPreset, string> = {
  yesterday: 'Yesterday',
  last_7_days: 'Last 7 days',
  last_28_days: 'Last 28 days',
  week: 'This week',
  month: 'This month',
  custom: 'Custom range',
};

interface Props {
  view: LivestreamsView;
  options: ListOptions | undefined;
  /** The seller's name for the chip (the URL holds only its id). */
  sellerName: string | null;
  shown: { from: string; to: string } | null;
  onChange: (next: LivestreamsView) => void;
}

export function LivestreamPeriodControls({
  view,
  shown,
  onChange,
}: Pick<Props, 'view' | 'shown' | 'onChange'>) {
  const choose = (value: string) => {
    const option = PERIOD_OPTIONS.find((o) => o.value === value);
    if (!option) return;
    if (option.value !== 'custom')
      return onChange({ ...view, period: option.value, from: null, to: null, page: 1 });
    onChange({
      ...view,
      period: 'custom',
      from: view.from ?? shown?.from ?? null,
      to: view.to ?? shown?.to ?? null,
      page: 1,
    });
  };
  return (
    <Group gap="xs" wrap="wrap" data-testid="livestreams-period">
      <NativeSelect
        size="xs"
        aria-label="Period"
        data={PERIOD_OPTIONS.map((o) => ({ value: o.value, label: PERIOD_LABELS[o.value] }))}
        value={view.period}
        onChange={(e) => choose(e.currentTarget.value)}
      />
      {view.period === 'custom' ? (
        <>
          <TextInput
            type="date"
            size="xs"
            aria-label="First day"
            w={140}
            value={view.from ?? ''}
            onChange={(e) => onChange({ ...view, from: e.currentTarget.value || null, page: 1 })}
          />
          <TextInput
            type="date"
            size="xs"
            aria-label="Last day"
            w={140}
            value={view.to ?? ''}
            onChange={(e) => onChange({ ...view, to: e.currentTarget.value || null, page: 1 })}
          />
        </>
      ) : null}
    </Group>
  );
}

export function LivestreamFilters({ view, options, sellerName, onChange }: Props) {
  const [q, setQ] = useState(view.q);
  const [debounced] = useDebouncedValue(q, 300);
  // The search applies the typed text once typing pauses, to the view as it is then.
  const latest = useRef({ view, onChange });
  latest.current = { view, onChange };
  useEffect(() => setQ(view.q), [view.q]);
  useEffect(() => {
    const { view: now, onChange: change } = latest.current;
    if (debounced.trim() !== now.q.trim()) change({ ...now, q: debounced, page: 1 });
  }, [debounced]);
  const set = (patch: Partial<LivestreamsView>) => onChange({ ...view, ...patch, page: 1 });
  return (
    <Group gap="xs" wrap="wrap" align="flex-end" data-testid="livestreams-filters">
      <TextInput
        size="xs"
        aria-label="Search sessions"
        placeholder="Title, host or seller"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: '100%', xs: 220 }}
        rightSection={
          q ? <CloseButton size="xs" aria-label="Clear the search" onClick={() => setQ('')} /> : null
        }
      />
      <NativeSelect
        size="xs"
        aria-label="Subcategory"
        data={[
          { value: '', label: 'All subcategories' },
          ...(options?.subcategories ?? []).map((s) => ({ value: s.id, label: s.name })),
        ]}
        value={view.subcategory ?? ''}
        onChange={(e) => set({ subcategory: e.currentTarget.value || null })}
        data-testid="filter-subcategory"
      />
      <NativeSelect
        size="xs"
        aria-label="Peer score"
        data={[
          { value: '', label: 'Any peer score' },
          ...BAND_OPTIONS.map((b) => ({ value: b.value, label: b.label })),
        ]}
        value={view.band ?? ''}
        onChange={(e) =>
          set({ band: BAND_OPTIONS.find((b) => b.value === e.currentTarget.value)?.value ?? null })
        }
        data-testid="filter-band"
      />
      <NativeSelect
        size="xs"
        aria-label="Reviewed"
        data={[{ value: '', label: 'Reviewed or not' }, ...REVIEWED_OPTIONS.map((o) => ({ value: o.value, label: o.label }))]}
        value={view.reviewed ?? ''}
        onChange={(e) => set({ reviewed: REVIEWED_OPTIONS.find((o) => o.value === e.currentTarget.value)?.value ?? null })}
        data-testid="filter-reviewed"
      />
      <NativeSelect
        size="xs"
        aria-label="Quality score"
        data={[{ value: '', label: 'Any quality score' }, ...QUALITY_BAND_OPTIONS.map((o) => ({ value: o.value, label: o.label }))]}
        value={view.scoreBand ?? ''}
        onChange={(e) => set({ scoreBand: QUALITY_BAND_OPTIONS.find((o) => o.value === e.currentTarget.value)?.value ?? null })}
        data-testid="filter-score-band"
      />
      <Group gap={4} wrap="nowrap">
        <NativeSelect
          size="xs"
          aria-label="Sort by"
          data={SORT_OPTIONS.map((o) => ({ value: o.value, label: `Sort: ${o.label}` }))}
          value={view.sort}
          onChange={(e) =>
            set({
              sort:
                SORT_OPTIONS.find((o) => o.value === e.currentTarget.value)?.value ??
                DEFAULT_LIVESTREAMS_VIEW.sort,
            })
          }
          data-testid="sort"
        />
        <ActionIcon
          variant="default"
          size={30}
          aria-label={
            view.dir === 'desc'
              ? 'Highest first (click for lowest first)'
              : 'Lowest first (click for highest first)'
          }
          onClick={() => set({ dir: view.dir === 'desc' ? 'asc' : 'desc' })}
        >
          <span aria-hidden="true">{view.dir === 'desc' ? '↓' : '↑'}</span>
        </ActionIcon>
      </Group>
      {view.seller ? (
        <Badge
          variant="light"
          size="lg"
          radius="sm"
          tt="none"
          rightSection={
            <CloseButton size="xs" aria-label="Show every seller" onClick={() => set({ seller: null })} />
          }
          data-testid="chip-seller"
        >
          Seller: {sellerName ?? view.seller}
        </Badge>
      ) : null}
      {view.host ? (
        <Badge
          variant="light"
          size="lg"
          radius="sm"
          tt="none"
          rightSection={
            <CloseButton size="xs" aria-label="Show every host" onClick={() => set({ host: null })} />
          }
          data-testid="chip-host"
        >
          Host: {view.host}
        </Badge>
      ) : null}
      {activeFilterCount(view) > 0 ? (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => set({ subcategory: null, seller: null, host: null, band: null, reviewed: null, scoreBand: null, q: '' })}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
