// A period's targets with their progress: actual so far, a bar with the projection, and status.
// Managers edit a target in place (Enter saves, Escape cancels) or delete it after confirming.
import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { FormError } from '../../ui/FormError';
import { formatRate, formatValue, MISSING } from '../../ui/format';
import { TableCard } from '../../ui/TableCard';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { fromInputValue, targetInputProblem, toInputValue } from './target-input';
import type { TargetProgressItem, TargetProgressReport } from './targets-api';
import { TargetProgressBar } from './TargetProgressBar';
import { TargetStatusBadge } from './TargetStatusBadge';
import { useDeleteTarget, useSaveTargets } from './use-targets';
import classes from './TargetsTable.module.css';

const keyOf = (item: TargetProgressItem) => `${item.metric}|${item.scope}|${item.period}`;

export function TargetsTable({ report, canEdit }: { report: TargetProgressReport; canEdit: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteTarget();
  const confirm = useConfirmTarget<TargetProgressItem>();
  const closeConfirm = () => {
    confirm.close();
    remove.reset();
  };
  const money = (value: number | null, item: TargetProgressItem) => formatValue(value, item.format, report.currency);
  return (
    <>
      <TableCard minWidth={canEdit ? 1060 : 940} data-testid="targets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th className={classes.number}>Target</Table.Th>
            <Table.Th className={classes.number}>Actual</Table.Th>
            <Table.Th w={200}>Progress</Table.Th>
            <Table.Th className={classes.number}>Projection</Table.Th>
            <Table.Th>Status</Table.Th>
            {canEdit ? <Table.Th aria-label="Actions" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((item) => (
            <Table.Tr key={keyOf(item)} data-testid="target-row" data-metric={item.metric} data-scope={item.scope}>
              <Table.Td data-label="Metric">
                <Text size="sm" fw={500}>
                  {item.metricLabel}
                </Text>
              </Table.Td>
              <Table.Td data-label="Scope">{item.scopeLabel}</Table.Td>
              <Table.Td data-label="Target" className={classes.number}>
                {editing === keyOf(item) ? (
                  <EditTarget item={item} onDone={() => setEditing(null)} />
                ) : (
                  <span data-testid="target-value">{money(item.target, item)}</span>
                )}
              </Table.Td>
              <Table.Td data-label="Actual" className={classes.number} data-testid="target-actual">
                {money(item.actual, item)}
              </Table.Td>
              <Table.Td data-label="Progress">
                <Group gap="xs" wrap="nowrap" className={classes.progress}>
                  <TargetProgressBar
                    value={item.actual}
                    target={item.target}
                    projection={item.projection}
                    status={item.status}
                    valueText={money(item.actual, item)}
                    targetText={money(item.target, item)}
                    projectionText={money(item.projection, item)}
                    data-testid="target-progress-bar"
                  />
                  <Text size="xs" c="dimmed" className={classes.share} data-testid="target-progress">
                    {item.progress === null ? MISSING : formatRate(item.progress)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td data-label="Projection" className={classes.number}>
                <Text size="sm" span data-testid="target-projection">
                  {money(item.projection, item)}
                </Text>
                <Text size="xs" c="dimmed" className={classes.basis}>
                  {item.projectionBasis === 'run_rate' ? 'at run rate' : 'current value'}
                </Text>
              </Table.Td>
              <Table.Td data-label="Status">
                <TargetStatusBadge status={item.status} />
              </Table.Td>
              {canEdit ? (
                <Table.Td ta="right">
                  {editing === keyOf(item) ? null : (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(keyOf(item))}>
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirm.open(item)}>
                        Delete
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      <ConfirmModal
        opened={confirm.opened}
        title="Delete target"
        confirmLabel="Delete target"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={closeConfirm}
        onConfirm={() => {
          const item = confirm.target;
          if (item) remove.mutate({ metric: item.metric, scope: item.scope, period: item.period }, { onSuccess: closeConfirm });
        }}
      >
        Delete the {confirm.target?.metricLabel} target for <b>{confirm.target?.scopeLabel}</b>? Its progress disappears from
        this page and the Overview.
      </ConfirmModal>
    </>
  );
}

function EditTarget({ item, onDone }: { item: TargetProgressItem; onDone: () => void }) {
  const save = useSaveTargets();
  const [input, setInput] = useState<number | string>(toInputValue(item.target, item.format));
  const [submitted, setSubmitted] = useState(false);
  const problem = targetInputProblem(input, item.format);
  const submit = () => {
    setSubmitted(true);
    if (problem || typeof input !== 'number') return;
    save.mutate([{ metric: item.metric, scope: item.scope, period: item.period, value: fromInputValue(input, item.format) }], { onSuccess: onDone });
  };
  return (
    <Stack gap={6} align="flex-end">
      <NumberInput
        size="xs"
        w={150}
        value={input}
        onChange={setInput}
        min={0}
        thousandSeparator=","
        suffix={item.format === 'rate' ? '%' : undefined}
        aria-label={`Target for ${item.metricLabel}, ${item.scopeLabel}`}
        error={submitted ? problem : null}
        data-autofocus
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit();
          if (event.key === 'Escape') onDone();
        }}
        data-testid="target-edit-input"
      />
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button size="compact-xs" onClick={submit} loading={save.isPending} data-testid="target-edit-save">
          Save
        </Button>
      </Group>
      <FormError error={save.error} />
    </Stack>
  );
}
