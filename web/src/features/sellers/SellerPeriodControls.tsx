// The period of the Sellers pages — the Overview's presets (ending on the latest day with data) or
// a custom range — and what it is compared with. Used by the grid and the seller page alike.
import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { PeriodPreset } from '../overview/overview-view';
import { COMPARE_OPTIONS, PERIOD_LABELS, SELLER_PERIOD_OPTIONS, type SellerCompare } from './sellers-view';

export interface PeriodValue {
  period: PeriodPreset;
  from: string | null;
  to: string | null;
  compare: SellerCompare;
}

export function SellerPeriodControls<T extends PeriodValue>({
  value,
  shown,
  onChange,
}: {
  value: T;
  shown: { from: string; to: string } | null;
  onChange: (next: T) => void;
}) {
  const choosePeriod = (next: string) => {
    const option = SELLER_PERIOD_OPTIONS.find((o) => o.value === next);
    if (!option) return;
    if (option.value !== 'custom') return onChange({ ...value, period: option.value, from: null, to: null });
    onChange({
      ...value,
      period: 'custom',
      from: value.from ?? shown?.from ?? null,
      to: value.to ?? shown?.to ?? null,
    });
  };
  return (
    <Group gap="xs" wrap="wrap" data-testid="seller-period">
      <NativeSelect
        size="xs"
        aria-label="Period"
        data={SELLER_PERIOD_OPTIONS.map((o) => ({ value: o.value, label: PERIOD_LABELS[o.value] }))}
        value={value.period}
        onChange={(e) => choosePeriod(e.currentTarget.value)}
        data-testid="seller-period-picker"
      />
      {value.period === 'custom' ? (
        <>
          <TextInput
            type="date"
            size="xs"
            aria-label="First day"
            value={value.from ?? ''}
            onChange={(e) => onChange({ ...value, from: e.currentTarget.value || null })}
            w={140}
          />
          <TextInput
            type="date"
            size="xs"
            aria-label="Last day"
            value={value.to ?? ''}
            onChange={(e) => onChange({ ...value, to: e.currentTarget.value || null })}
            w={140}
          />
        </>
      ) : null}
      <NativeSelect
        size="xs"
        aria-label="Compare with"
        data={COMPARE_OPTIONS.map((o) => ({ value: o.value, label: `vs ${o.label.toLowerCase()}` }))}
        value={value.compare}
        onChange={(e) =>
          onChange({ ...value, compare: e.currentTarget.value === 'last_year' ? 'last_year' : 'previous' })
        }
      />
    </Group>
  );
}
