// Settings → Alert rules: which metrics the anomaly detector watches (switches), the threshold
// rules ("live GMV share of Home Decor below 20% per week") and the campaign days left out. Everyone
// reads them; managers and admins change them.
import { useState } from 'react';
import { Button, Card, Group, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { TableCard } from '../../ui/TableCard';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { useCan } from '../auth/session-context';
import { severityColor, severityLabel } from './alert-format';
import type { AlertRule, AlertRuleOptions } from './alerts-api';
import { AlertRuleModal } from './AlertRuleModal';
import { CampaignDaysCard } from './CampaignDaysCard';
import { ruleCondition } from './rule-input';
import { useAlertRuleOptions, useAlertRules, useDeleteAlertRule, useUpdateAlertRule } from './use-alerts';

/** Today as a calendar date, for "coming up" (the browser's day is close enough for that list). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function AlertRulesPanel() {
  const rules = useAlertRules();
  const options = useAlertRuleOptions();
  const canEdit = useCan('manage');
  if (rules.isPending || options.isPending) return <Skeleton height={220} radius="md" data-testid="alert-rules-loading" />;
  if (rules.isError || options.isError) {
    const error = rules.error ?? options.error;
    return <ErrorPanel title="Alert rules could not be loaded" error={error} onRetry={() => void Promise.all([rules.refetch(), options.refetch()])} retrying={rules.isFetching || options.isFetching} />;
  }
  return (
    <Stack gap="xl">
      <AnomalyRules rules={rules.data.filter((r) => r.kind === 'anomaly')} options={options.data} canEdit={canEdit} />
      <ThresholdRules rules={rules.data.filter((r) => r.kind === 'threshold')} options={options.data} canEdit={canEdit} />
      <CampaignDaysCard canEdit={canEdit} today={today()} />
    </Stack>
  );
}

function AnomalyRules({ rules, options, canEdit }: { rules: AlertRule[]; options: AlertRuleOptions; canEdit: boolean }) {
  const update = useUpdateAlertRule();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          Anomaly detection
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          Each day is compared with the same weekday of the 8 weeks before, and the last 7 days with earlier weeks, for the whole
          category, every subcategory and the larger sellers. An alert needs a robust z-score of 3.5 (5 is critical) and a real
          change; good news shows only when it is striking. {canEdit ? '' : 'Managers switch metrics on and off.'}
        </Text>
      </div>
      <Card padding="md" data-testid="anomaly-rules">
        <Group gap="lg" wrap="wrap">
          {rules.map((rule) => (
            <Switch
              key={rule.id}
              label={options.metrics.find((m) => m.name === rule.metric)?.label ?? rule.metric}
              checked={rule.enabled}
              disabled={!canEdit || (update.isPending && update.variables?.id === rule.id)}
              onChange={(event) => update.mutate({ id: rule.id, draft: { enabled: event.currentTarget.checked } })}
            />
          ))}
        </Group>
        <FormError error={update.error} />
      </Card>
    </Stack>
  );
}

function ThresholdRules({ rules, options, canEdit }: { rules: AlertRule[]; options: AlertRuleOptions; canEdit: boolean }) {
  const [form, setForm] = useState<{ opened: boolean; rule: AlertRule | null }>({ opened: false, rule: null });
  const update = useUpdateAlertRule();
  const remove = useDeleteAlertRule();
  const confirm = useConfirmTarget<AlertRule>();
  const closeDelete = () => {
    confirm.close();
    remove.reset();
  };
  const metricOf = (name: string) => options.metrics.find((m) => m.name === name) ?? { label: name, format: 'number' as const };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3">
            Threshold rules
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            Your own limits on any metric, for the category, a subcategory, a tier or a seller. Campaign days count here.
          </Text>
        </div>
        {canEdit ? (
          <Button size="sm" onClick={() => setForm({ opened: true, rule: null })} data-testid="alert-rule-new">
            New rule
          </Button>
        ) : null}
      </Group>
      {rules.length === 0 ? (
        <EmptyNote title="No threshold rules yet" testId="alert-rules-empty">
          {canEdit ? 'Add one, e.g. “Live GMV share of Home Decor below 20% per week”.' : 'Managers and admins add them; they show here.'}
        </EmptyNote>
      ) : (
        <TableCard minWidth={760} data-testid="alert-rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Condition</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>On</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule) => (
              <Table.Tr key={rule.id} data-testid="alert-rule-row">
                <Table.Td fw={500} data-label="Rule">
                  {rule.name}
                </Table.Td>
                <Table.Td data-label="Condition">{ruleCondition(rule, metricOf(rule.metric), options.currency)}</Table.Td>
                <Table.Td data-label="Severity" c={`${severityColor[rule.severity]}.7`} fw={600}>
                  {severityLabel[rule.severity]}
                </Table.Td>
                <Table.Td data-label="On">
                  <Switch
                    aria-label={`${rule.enabled ? 'Disable' : 'Enable'} ${rule.name}`}
                    checked={rule.enabled}
                    disabled={!canEdit}
                    onChange={(event) => update.mutate({ id: rule.id, draft: { enabled: event.currentTarget.checked } })}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  {canEdit ? (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setForm({ opened: true, rule })}>
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirm.open(rule)}>
                        Delete
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      <FormError error={update.error} />
      <AlertRuleModal opened={form.opened} rule={form.rule} options={options} onClose={() => setForm({ ...form, opened: false })} />
      <ConfirmModal
        opened={confirm.opened}
        title="Delete alert rule"
        confirmLabel="Delete rule"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() => {
          if (confirm.target) remove.mutate(confirm.target.id, { onSuccess: closeDelete });
        }}
      >
        Delete <b>{confirm.target?.name}</b>? Its open alerts are resolved; the audit log keeps who deleted it.
      </ConfirmModal>
    </Stack>
  );
}
