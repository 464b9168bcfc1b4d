// Add or edit a threshold rule: a metric of a scope, a comparator and a limit, judged per day,
// complete week or complete month, with the severity its alerts get. Rates are typed as percents.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import type { AlertGrain, AlertRule, AlertRuleOptions, Comparator, Severity } from './alerts-api';
import { comparatorWords, joinScope, scopeKinds, splitScope, thresholdFromInput, thresholdToInput, type ScopeKind } from './rule-input';
import { useCreateAlertRule, useUpdateAlertRule } from './use-alerts';

export interface AlertRuleModalProps {
  opened: boolean;
  /** The rule to edit; null to add one. */
  rule: AlertRule | null;
  options: AlertRuleOptions;
  onClose: () => void;
}

export function AlertRuleModal({ opened, rule, options, onClose }: AlertRuleModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={rule ? 'Edit alert rule' : 'New alert rule'} centered size="lg">
      {opened ? <RuleForm key={rule?.id ?? 'new'} rule={rule} options={options} onDone={onClose} /> : null}
    </Modal>
  );
}

function RuleForm({ rule, options, onDone }: { rule: AlertRule | null; options: AlertRuleOptions; onDone: () => void }) {
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const saving = rule ? update : create;
  const initialScope = splitScope(rule?.scope ?? 'category');
  const [name, setName] = useState(rule?.name ?? '');
  const [metric, setMetric] = useState<string | null>(rule?.metric ?? null);
  const [kind, setKind] = useState<ScopeKind>(initialScope.kind);
  const [scopeId, setScopeId] = useState(initialScope.id);
  const [comparator, setComparator] = useState<Comparator>(rule?.comparator ?? '<');
  const chosen = options.metrics.find((m) => m.name === metric);
  const format = chosen?.format ?? 'number';
  const [threshold, setThreshold] = useState<number | string>(rule?.threshold !== null && rule?.threshold !== undefined ? thresholdToInput(rule.threshold, format) : '');
  const [grain, setGrain] = useState<AlertGrain>(rule?.grain ?? 'day');
  const [severity, setSeverity] = useState<Severity>(rule?.severity ?? 'warning');
  const [submitted, setSubmitted] = useState(false);
  const scope = joinScope(kind, scopeId);
  const problems = {
    metric: metric ? null : 'Pick a metric.',
    scope: scope ? null : 'Pick which one.',
    threshold: typeof threshold === 'number' && Number.isFinite(threshold) ? null : 'Enter the limit as a number.',
  };
  const show = (problem: string | null) => (submitted ? problem : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!metric || !scope || typeof threshold !== 'number' || !Number.isFinite(threshold)) return;
    const draft = { ...(name.trim() ? { name: name.trim() } : {}), metric, scope, comparator, threshold: thresholdFromInput(threshold, format), grain, severity };
    if (rule) update.mutate({ id: rule.id, draft }, { onSuccess: onDone });
    else create.mutate(draft, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="alert-rule-form">
      <Stack gap="sm">
        <Select
          label="Metric"
          placeholder="Pick a metric"
          searchable
          data={options.metrics.map((m) => ({ value: m.name, label: m.label }))}
          value={metric}
          onChange={setMetric}
          error={show(problems.metric)}
          description={chosen?.description}
          inputWrapperOrder={['label', 'input', 'error', 'description']}
          comboboxProps={{ withinPortal: true }}
          data-testid="alert-rule-metric"
        />
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Of"
            data={scopeKinds}
            value={kind}
            allowDeselect={false}
            miw={160}
            onChange={(value) => {
              const next = scopeKinds.find((k) => k.value === value);
              if (next) {
                setKind(next.value);
                setScopeId('');
              }
            }}
            comboboxProps={{ withinPortal: true }}
            data-testid="alert-rule-scope-kind"
          />
          {kind === 'subcategory' || kind === 'seller_tier' ? (
            <Select
              label={kind === 'subcategory' ? 'Subcategory' : 'Tier'}
              placeholder="Pick one"
              searchable
              miw={160}
              data={
                kind === 'subcategory'
                  ? options.subcategories.map((s) => ({ value: s.id, label: s.parentName ? `${s.name} (${s.parentName})` : s.name }))
                  : options.tiers.map((t) => ({ value: t, label: `Tier ${t}` }))
              }
              value={scopeId || null}
              onChange={(value) => setScopeId(value ?? '')}
              error={show(problems.scope)}
              comboboxProps={{ withinPortal: true }}
              data-testid="alert-rule-scope-id"
            />
          ) : null}
          {kind === 'seller' ? (
            <TextInput label="Seller id" placeholder="e.g. 73015678948" miw={160} value={scopeId} onChange={(e) => setScopeId(e.currentTarget.value)} error={show(problems.scope)} />
          ) : null}
        </Group>
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Alert when it is"
            data={options.comparators.map((c) => ({ value: c, label: comparatorWords[c] }))}
            value={comparator}
            allowDeselect={false}
            miw={160}
            onChange={(value) => {
              const next = options.comparators.find((c) => c === value);
              if (next) setComparator(next);
            }}
            comboboxProps={{ withinPortal: true }}
            data-testid="alert-rule-comparator"
          />
          <NumberInput
            label="Limit"
            placeholder={format === 'rate' ? 'e.g. 20' : 'e.g. 5000'}
            miw={160}
            thousandSeparator=","
            suffix={format === 'rate' ? '%' : undefined}
            value={threshold}
            onChange={setThreshold}
            error={show(problems.threshold)}
            description={format === 'rate' ? 'A percentage' : format === 'money' ? `In ${options.currency}` : null}
            inputWrapperOrder={['label', 'input', 'error', 'description']}
            data-testid="alert-rule-threshold"
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Judged
          </Text>
          <SegmentedControl
            value={grain}
            onChange={(value) => setGrain(value as AlertGrain)}
            data={[
              { value: 'day', label: 'Each day' },
              { value: 'week', label: 'Each week' },
              { value: 'month', label: 'Each month' },
            ]}
            data-testid="alert-rule-grain"
          />
          <Text size="xs" c="dimmed" mt={4}>
            A week or month is judged once it is complete, so a total is never “below” just because the period is not over.
          </Text>
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Severity of its alerts
          </Text>
          <SegmentedControl
            value={severity}
            onChange={(value) => setSeverity(value as Severity)}
            data={[
              { value: 'info', label: 'Info' },
              { value: 'warning', label: 'Warning' },
              { value: 'critical', label: 'Critical' },
            ]}
          />
        </div>
        <TextInput label="Name" placeholder="Written for you from the condition" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
        <FormError error={saving.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending} data-testid="alert-rule-save">
            {rule ? 'Save rule' : 'Add rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
