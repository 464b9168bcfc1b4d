// Managers' layout of a report kind: which sections are shown, in what order, and the commentary
// every format prints. Saved as a whole; the server audits the change.
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Card, Checkbox, Group, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import type { ReportKind, ReportOptions } from './reports-api';
import { useLayout, useSaveLayout } from './use-reports';

export function SectionsPanel({ kind, options }: { kind: ReportKind; options: ReportOptions }) {
  const layout = useLayout(kind);
  const save = useSaveLayout(kind);
  const [order, setOrder] = useState<string[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);
  const [commentary, setCommentary] = useState('');
  useEffect(() => {
    if (!layout.data) return;
    setOrder(layout.data.order);
    setHidden(layout.data.hidden);
    setCommentary(layout.data.commentary);
  }, [layout.data]);

  if (layout.isPending) return <Skeleton height={360} />;
  if (layout.isError) return <ErrorPanel title="Could not load the sections" error={layout.error} onRetry={() => void layout.refetch()} />;
  const title = (id: string) => options.sections.find((s) => s.id === id)?.title ?? id;
  const move = (index: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    setOrder(next);
  };

  return (
    <Card data-testid="sections-panel">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Sections of the {kind} report, in print order. Unticked sections are left out of every format.
        </Text>
        <Stack gap={4}>
          {order.map((id, i) => (
            <Group key={id} justify="space-between" wrap="nowrap" data-testid={`section-${id}`}>
              <Checkbox
                label={title(id)}
                checked={!hidden.includes(id)}
                onChange={(e) => setHidden(e.currentTarget.checked ? hidden.filter((h) => h !== id) : [...hidden, id])}
              />
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={`Move ${title(id)} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={`Move ${title(id)} down`} disabled={i === order.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Stack>
        <Textarea
          label="Commentary"
          description="Printed as written in every format (the Commentary section). Numbers here are yours, not computed."
          autosize
          minRows={3}
          maxLength={options.maxCommentary}
          value={commentary}
          onChange={(e) => setCommentary(e.currentTarget.value)}
          data-testid="commentary-input"
        />
        {save.isError ? <FormError error={save.error} /> : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {layout.data.updatedBy ? `Last changed by ${layout.data.updatedBy}` : 'Default layout'}
          </Text>
          <Button onClick={() => save.mutate({ order, hidden, commentary })} loading={save.isPending} data-testid="save-sections">
            Save sections
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
