// Add (or overwrite) one target of the shown period: a metric, a scope and the value. Checks the
// obvious before asking the server; the server's refusal (e.g. an unknown seller) shows below.
import { useState, type FormEvent } from 'react';
import { Button, Card, Group, Input, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { periodLabel } from './periods';
import { composeScope, fromInputValue, isScopeKind, scopeKindOptions, targetInputProblem, type ScopeKind } from './target-input';
import type { TargetOptions } from './targets-api';
import { useSaveTargets } from './use-targets';

export function AddTargetForm({ period, options }: { period: string; options: TargetOptions }) {
  const save = useSaveTargets();
  const [metric, setMetric] = useState<string | null>(null);
  const [kind, setKind] = useState<ScopeKind>('category');
  const [scopeId, setScopeId] = useState('');
  const [input, setInput] = useState<number | string>('');
  const [submitted, setSubmitted] = useState(false);
  const chosen = options.metrics.find((m) => m.name === metric);
  const format = chosen?.format ?? 'number';
  const scope = composeScope(kind, scopeId);
  const problems = {
    metric: metric ? null : 'Pick a metric.',
    scope: scope ? null : `Pick the ${scopeKindOptions.find((o) => o.value === kind)?.label.toLowerCase()}.`,
    value: targetInputProblem(input, format, chosen?.bounded ?? false),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.metric || problems.scope || problems.value || !metric || !scope || typeof input !== 'number') return;
    save.mutate([{ metric, scope, period, value: fromInputValue(input, format) }], {
      onSuccess: () => {
        setInput('');
        setSubmitted(false);
      },
    });
  };
  const show = (problem: string | null) => (submitted ? problem : null);

  return (
    <Card data-testid="target-add-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Text fw={600} size="sm">
              Add a target for {periodLabel(period)}
            </Text>
            <Text size="xs" c="dimmed">
              A target that already exists for the metric and scope is replaced. Rates are entered as percents.
            </Text>
          </div>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label="Metric"
              placeholder="Pick a metric"
              searchable
              w={{ base: '100%', sm: 220 }}
              data={options.metrics.map((m) => ({ value: m.name, label: m.label }))}
              value={metric}
              onChange={setMetric}
              error={show(problems.metric)}
              description={chosen ? (chosen.additive ? 'Summed over days; projected at run rate' : 'A level: projected at its current value') : null}
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              comboboxProps={{ withinPortal: true }}
              data-testid="target-add-metric"
            />
            <Select
              label="Scope"
              w={{ base: '100%', sm: 170 }}
              data={scopeKindOptions}
              value={kind}
              allowDeselect={false}
              onChange={(value) => {
                if (isScopeKind(value)) {
                  setKind(value);
                  setScopeId('');
                }
              }}
              data-testid="target-add-scope-kind"
            />
            {kind === 'subcategory' || kind === 'seller_tier' ? (
              <Select
                label={kind === 'subcategory' ? 'Subcategory' : 'Tier'}
                placeholder="Pick one"
                searchable
                w={{ base: '100%', sm: 200 }}
                data={
                  kind === 'subcategory'
                    ? options.subcategories.map((s) => ({ value: s.id, label: s.parentName ? `${s.name} (${s.parentName})` : s.name }))
                    : options.tiers.map((t) => ({ value: t, label: `Tier ${t}` }))
                }
                value={scopeId || null}
                onChange={(value) => setScopeId(value ?? '')}
                error={show(problems.scope)}
                  comboboxProps={{ withinPortal: true }}
              />
            ) : null}
            {kind === 'seller' ? (
              <TextInput
                label="Seller"
                placeholder="Seller id or name"
                w={{ base: '100%', sm: 200 }}
                value={scopeId}
                onChange={(event) => setScopeId(event.currentTarget.value)}
                error={show(problems.scope)}
                />
            ) : null}
            <NumberInput
              label="Target"
              placeholder={format === 'rate' ? 'e.g. 5' : 'e.g. 250000'}
              w={{ base: '100%', sm: 170 }}
              min={0}
              thousandSeparator=","
              suffix={format === 'rate' ? '%' : undefined}
              value={input}
              onChange={setInput}
              error={show(problems.value)}
              data-testid="target-add-value"
            />
            {/* An empty label keeps the button level with the inputs, whatever errors show below them. */}
            <Input.Wrapper label="&nbsp;" labelProps={{ 'aria-hidden': true }}>
              <Button type="submit" display="block" loading={save.isPending} data-testid="target-add-submit">
                Add target
              </Button>
            </Input.Wrapper>
          </Group>
          <FormError error={save.error} />
        </Stack>
      </form>
    </Card>
  );
}
