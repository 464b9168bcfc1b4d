// The Overview's period picker (presets, or a custom range with two date fields) and comparison
// picker. They only change the view in the URL; the page follows the URL.
import { Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { DateRange } from './overview-api';
import type { OverviewViewUpdate } from './use-overview-view';
import {
  COMPARISON_OPTIONS,
  customRangeProblem,
  PERIOD_OPTIONS,
  type Comparison,
  type OverviewView,
  type PeriodPreset,
} from './overview-view';
import classes from './OverviewPage.module.css';

export interface OverviewControlsProps {
  view: OverviewView;
  onChange: (update: OverviewViewUpdate) => void;
  /** The range on screen: a new custom range starts from it. */
  shown: DateRange | null;
  /** The latest day with data: the custom range's latest sensible day. */
  asOf: string | null;
}

const periodData = PERIOD_OPTIONS.map((option) => ({ value: option.value, label: option.label }));
const comparisonData = COMPARISON_OPTIONS.map((option) => ({ value: option.value, label: option.label }));

export function OverviewControls({ view, onChange, shown, asOf }: OverviewControlsProps) {
  const problem = customRangeProblem(view);
  const choosePeriod = (value: string) => {
    const period = PERIOD_OPTIONS.find((option) => option.value === value)?.value;
    if (!period) return;
    // Updaters, like the comparison and the dates: applied to the URL as it is then, so a choice made
    // just before (the comparison) is never written back over.
    if (period !== 'custom') return onChange((current) => ({ ...current, period, from: null, to: null }));
    onChange((current) => ({ ...current, period, from: current.from ?? shown?.from ?? null, to: current.to ?? shown?.to ?? null }));
  };
  const chooseComparison = (value: string) => {
    const compare = COMPARISON_OPTIONS.find((option) => option.value === value)?.value;
    if (compare) onChange((current) => ({ ...current, compare: compare satisfies Comparison }));
  };
  return (
    <Stack gap={8} className={classes.controls}>
      <Group gap="sm" wrap="wrap" className={classes.pickers}>
        <SegmentedControl
          size="xs"
          aria-label="Period"
          data={periodData}
          value={view.period satisfies PeriodPreset}
          onChange={choosePeriod}
          visibleFrom="xs"
          data-testid="period-picker"
        />
        {/* Six segments do not fit a phone: there the period is a select like the comparison. */}
        <NativeSelect
          size="xs"
          aria-label="Period"
          data={periodData}
          value={view.period}
          onChange={(event) => choosePeriod(event.currentTarget.value)}
          hiddenFrom="xs"
          data-testid="period-select"
        />
        <NativeSelect
          size="xs"
          aria-label="Compare with"
          data={comparisonData}
          value={view.compare}
          onChange={(event) => chooseComparison(event.currentTarget.value)}
          data-testid="comparison-picker"
        />
      </Group>
      {view.period === 'custom' ? (
        <Stack gap={4} className={classes.custom}>
          <Group gap="xs" wrap="nowrap" align="center">
            <TextInput
              type="date"
              size="xs"
              aria-label="First day"
              value={view.from ?? ''}
              max={view.to ?? asOf ?? undefined}
              onChange={(event) => {
                const from = event.currentTarget.value || null;
                // A date field also reports on blur; the value this render showed is no edit (it may
                // be a render older than the URL, and would write an earlier day back).
                if (from === view.from) return;
                onChange((current) => ({ ...current, from }));
              }}
              error={problem !== null}
              data-testid="custom-from"
              className={classes.date}
            />
            <Text size="xs" c="dimmed">
              to
            </Text>
            <TextInput
              type="date"
              size="xs"
              aria-label="Last day"
              value={view.to ?? ''}
              min={view.from ?? undefined}
              onChange={(event) => {
                const to = event.currentTarget.value || null;
                if (to === view.to) return;
                onChange((current) => ({ ...current, to }));
              }}
              error={problem !== null}
              data-testid="custom-to"
              className={classes.date}
            />
          </Group>
          {problem ? (
            <Text size="xs" c="red.7" data-testid="custom-problem" role="alert">
              {problem}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
