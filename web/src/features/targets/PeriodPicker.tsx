// Which period's targets to show: month or week, stepped with arrows.
import { ActionIcon, Group, SegmentedControl, Text } from '@mantine/core';
import { periodKind, periodLabel, shiftPeriod, switchKind, type PeriodKind } from './periods';

export function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  return (
    <Group gap="sm" wrap="nowrap" data-testid="target-period-picker">
      <SegmentedControl
        size="xs"
        value={periodKind(period)}
        data={[
          { value: 'month', label: 'Month' },
          { value: 'week', label: 'Week' },
        ]}
        onChange={(kind) => onChange(switchKind(period, kind as PeriodKind))}
        aria-label="Period length"
      />
      <Group gap={4} wrap="nowrap">
        <ActionIcon variant="default" size="md" aria-label="Previous period" onClick={() => onChange(shiftPeriod(period, -1))}>
          ‹
        </ActionIcon>
        <Text size="sm" fw={600} miw={{ base: 150, sm: 190 }} ta="center" data-testid="target-period-label">
          {periodLabel(period)}
        </Text>
        <ActionIcon variant="default" size="md" aria-label="Next period" onClick={() => onChange(shiftPeriod(period, 1))}>
          ›
        </ActionIcon>
      </Group>
    </Group>
  );
}
