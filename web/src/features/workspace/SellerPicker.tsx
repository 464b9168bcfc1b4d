// Picks a seller by name or id for a contact or task logged outside a seller's page: the Sellers
// list searched as you type (the same search as the Sellers page).
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchSellers } from '../sellers/sellers-api';

export interface SellerPickerProps {
  value: { id: string; name: string } | null;
  onChange: (seller: { id: string; name: string } | null) => void;
  label?: string;
  required?: boolean;
  error?: string | null;
}

export function SellerPicker({ value, onChange, label = 'Seller', required, error }: SellerPickerProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const q = search.trim();
  const found = useQuery({
    queryKey: ['sellers', 'picker', q],
    queryFn: ({ signal }) =>
      fetchSellers(new URLSearchParams({ q, pageSize: '12', sort: 'gmv', dir: 'desc' }).toString(), signal),
    enabled: q.length >= 1,
    staleTime: 30_000,
  });
  const options = (found.data?.rows ?? []).map((row) => ({
    value: row.id,
    label: `${row.name} · ${row.id}`,
  }));
  if (value && !options.some((o) => o.value === value.id))
    options.unshift({ value: value.id, label: `${value.name} · ${value.id}` });
  return (
    <Select
      label={label}
      withAsterisk={required}
      searchable
      clearable
      placeholder="Type a seller name or id"
      nothingFoundMessage={q ? (found.isFetching ? 'Searching…' : 'No seller found') : 'Type to search'}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      error={error}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        onChange(id && option ? { id, name: option.label.split(' · ')[0] ?? id } : null);
      }}
      data-testid="seller-picker"
    />
  );
}
