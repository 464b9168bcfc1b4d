// The Sellers grid's quick filters: search, subcategory, tier, lifecycle, live status, owner and
// "not contacted in 30 days". Each writes the view in the URL; the server does the filtering.
import { useEffect, useState } from 'react';
import { Button, Chip, Group, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SellerOptions } from './sellers-api';
import { lifecycleLabel, liveStatusLabel } from './seller-labels';
import { activeFilterCount, clearFilters, NOT_CONTACTED_DAYS, type SellersView } from './sellers-view';
import classes from './SellersPage.module.css';

export interface SellerFiltersProps {
  view: SellersView;
  options: SellerOptions | undefined;
  onChange: (view: SellersView) => void;
  /** A phone: the search stays, the other filters fold behind a button. */
  compact?: boolean;
}

function subcategoryData(options: SellerOptions | undefined) {
  if (!options) return [];
  const top = options.categories.filter((c) => c.parent_id === null);
  return top
    .map((category) => ({
      group: category.name,
      items: options.categories
        .filter((c) => c.parent_id === category.id)
        .map((c) => ({ value: c.id, label: c.name })),
    }))
    .filter((group) => group.items.length > 0);
}

export function SellerFilters({ view, options, onChange, compact = false }: SellerFiltersProps) {
  const [search, setSearch] = useState(view.q);
  const [unfolded, setUnfolded] = useState(false);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => setSearch(view.q), [view.q]);
  useEffect(() => {
    if (debounced.trim() !== view.q.trim()) onChange({ ...view, q: debounced });
  }, [debounced]);

  const owners = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'No owner' },
    ...(options?.owners ?? []).map((o) => ({ value: String(o.id), label: o.name })),
  ];
  const filters = activeFilterCount(view);
  const common = {
    size: 'xs' as const,
    clearable: true,
    checkIconPosition: 'right' as const,
    className: classes.filter,
    comboboxProps: { withinPortal: true },
  };

  return (
    <Group gap="xs" wrap="wrap" className={classes.filters} data-testid="seller-filters">
      <TextInput
        size="xs"
        placeholder="Search name, shop or id"
        aria-label="Search sellers"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        className={classes.search}
        data-testid="seller-search"
      />
      {compact ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => setUnfolded((open) => !open)}
          aria-expanded={unfolded}
          data-testid="more-filters"
        >
          {filters ? `Filters · ${filters}` : 'Filters'}
        </Button>
      ) : null}
      {!compact || unfolded ? (
        <>
          <MultiSelect
            {...common}
            placeholder={view.subcategory.length ? undefined : 'Subcategory'}
            aria-label="Subcategory"
            data={subcategoryData(options)}
            value={view.subcategory}
            onChange={(subcategory) => onChange({ ...view, subcategory })}
            searchable
            data-testid="filter-subcategory"
          />
          <MultiSelect
            {...common}
            placeholder={view.tier.length ? undefined : 'Tier'}
            aria-label="Tier"
            data={options?.tiers ?? []}
            value={view.tier}
            onChange={(tier) => onChange({ ...view, tier })}
            data-testid="filter-tier"
          />
          <MultiSelect
            {...common}
            placeholder={view.lifecycle.length ? undefined : 'Lifecycle'}
            aria-label="Lifecycle"
            data={(options?.lifecycles ?? []).map((v) => ({ value: v, label: lifecycleLabel(v) }))}
            value={view.lifecycle}
            onChange={(lifecycle) => onChange({ ...view, lifecycle })}
            data-testid="filter-lifecycle"
          />
          <MultiSelect
            {...common}
            placeholder={view.live_status.length ? undefined : 'Live status'}
            aria-label="Live status"
            data={(options?.live_statuses ?? []).map((v) => ({ value: v, label: liveStatusLabel(v) }))}
            value={view.live_status}
            onChange={(live_status) => onChange({ ...view, live_status })}
            data-testid="filter-live-status"
          />
          <MultiSelect
            {...common}
            placeholder={view.owner.length ? undefined : 'Owner'}
            aria-label="Owner"
            data={owners}
            value={view.owner}
            onChange={(owner) => onChange({ ...view, owner })}
            searchable
            data-testid="filter-owner"
          />
          <Chip
            size="xs"
            checked={view.not_contacted !== null}
            onChange={(checked) => onChange({ ...view, not_contacted: checked ? NOT_CONTACTED_DAYS : null })}
            data-testid="filter-not-contacted"
          >
            Not contacted {view.not_contacted ?? NOT_CONTACTED_DAYS} days
          </Chip>
        </>
      ) : null}
      {filters > 0 ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => onChange(clearFilters(view))}
          data-testid="clear-filters"
        >
          Clear {filters === 1 ? 'filter' : `${filters} filters`}
        </Button>
      ) : null}
    </Group>
  );
}
