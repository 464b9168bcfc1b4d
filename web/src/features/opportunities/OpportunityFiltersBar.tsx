// The filters of the opportunity list: rule, subcategory, tier and owner. On a phone they fold
// away behind a "Filters" button that says how many are set.
import { Button, Collapse, Select } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { OpportunityOptions } from './opportunities-api';
import type { OpportunityFilters } from './opportunity-filters';
import classes from './OpportunitiesPage.module.css';

export interface OpportunityFiltersBarProps {
  filters: OpportunityFilters;
  options: OpportunityOptions | undefined;
  onChange: (next: OpportunityFilters) => void;
}

export function OpportunityFiltersBar({ filters, options, onChange }: OpportunityFiltersBarProps) {
  const phone = useMediaQuery('(max-width: 48em)');
  const [open, toggle] = useDisclosure(false);
  const set = (patch: Partial<OpportunityFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const active = [filters.rule, filters.subcategory, filters.tier, filters.owner].filter(Boolean).length;
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const s of options?.subcategories ?? []) {
    const group = s.category ?? 'Other';
    groups.set(group, [...(groups.get(group) ?? []), { value: s.id, label: s.name }]);
  }
  const fields = (
    <div className={classes.filters} data-testid="opportunity-filters">
      <Select
        label="Rule"
        placeholder="All rules"
        data={(options?.rules ?? []).map((r) => ({ value: r.id, label: r.title }))}
        value={filters.rule}
        onChange={(rule) => set({ rule })}
        clearable
        data-testid="filter-rule"
      />
      <Select
        label="Subcategory"
        placeholder="All subcategories"
        data={[...groups].map(([group, items]) => ({ group, items }))}
        value={filters.subcategory}
        onChange={(subcategory) => set({ subcategory })}
        clearable
        searchable
      />
      <Select
        label="Tier"
        placeholder="All tiers"
        data={(options?.tiers ?? []).map((t) => ({ value: t, label: `Tier ${t}` }))}
        value={filters.tier}
        onChange={(tier) => set({ tier })}
        clearable
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={[{ value: 'none', label: 'No owner' }, ...(options?.owners ?? []).map((o) => ({ value: String(o.id), label: o.name }))]}
        value={filters.owner}
        onChange={(owner) => set({ owner })}
        clearable
        searchable
      />
      <Button variant="subtle" color="gray" disabled={active === 0} onClick={() => set({ rule: null, subcategory: null, tier: null, owner: null })}>
        Clear
      </Button>
    </div>
  );
  if (!phone) return fields;
  return (
    <div>
      <Button variant="default" size="sm" fullWidth onClick={toggle.toggle} aria-expanded={open}>
        {open ? 'Hide filters' : active ? `Filters (${active})` : 'Filters'}
      </Button>
      <Collapse expanded={open}>
        <div style={{ paddingTop: 8 }}>{fields}</div>
      </Collapse>
    </div>
  );
}
