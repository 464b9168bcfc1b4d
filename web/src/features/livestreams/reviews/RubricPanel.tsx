// Settings → Rubric: the criteria reviewers score, each with its weight and a written description
// for every level 1–5. Managers edit them and save a new version — nothing is overwritten, and
// reviews keep the version they were scored on. Everyone sees the version history.
import { useState } from 'react';
import { Accordion, Alert, Badge, Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { FormError } from '../../../ui/FormError';
import { formatDateTime } from '../../../ui/format';
import { useCan } from '../../auth/session-context';
import { keyFromLabel, rubricProblem, toCriteria, toEditable, weightSum, type EditableCriterion } from './rubric-editor';
import { LEVELS, type Rubric, type RubricLevel } from './reviews-api';
import { useRubricVersions, useSaveRubric } from './use-reviews';

export function RubricPanel() {
  const versions = useRubricVersions();
  // Held here: saving makes a new active version, which starts a fresh editor (keyed by it).
  const save = useSaveRubric();
  if (versions.isError) {
    return <ErrorPanel title="The rubric could not be loaded" error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />;
  }
  const list = versions.data?.versions;
  const active = list?.find((v) => v.isActive);
  if (!list || !active) return <Skeleton height={480} radius="md" aria-busy="true" aria-label="Loading the rubric" />;
  return (
    <Stack gap="md" data-testid="rubric-panel">
      <RubricEditor key={active.id} active={active} save={save} />
      <VersionHistory versions={list} />
    </Stack>
  );
}

function RubricEditor({ active, save }: { active: Rubric; save: ReturnType<typeof useSaveRubric> }) {
  const canManage = useCan('manage');
  const [criteria, setCriteria] = useState<EditableCriterion[]>(() => toEditable(active.criteria));
  const [dirty, setDirty] = useState(false);
  const problem = rubricProblem(criteria);
  const sum = weightSum(criteria);
  const update = (index: number, patch: Partial<EditableCriterion>) => {
    setDirty(true);
    setCriteria(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  };
  const setAnchor = (index: number, level: RubricLevel, text: string) => {
    const c = criteria[index];
    if (c) update(index, { anchors: { ...c.anchors, [level]: text } });
  };
  const add = () => {
    setDirty(true);
    const taken = new Set(criteria.map((c) => c.key));
    let key = 'new_criterion';
    for (let n = 2; taken.has(key); n += 1) key = `new_criterion_${n}`;
    setCriteria([...criteria, { key, label: '', weight: 0, anchors: { '1': '', '2': '', '3': '', '4': '', '5': '' }, isNew: true }]);
  };
  return (
    <Card data-testid="rubric-editor">
      <Group justify="space-between" align="baseline">
        <div>
          <Text fw={600} component="h2">
            Rubric v{active.version} {dirty ? '(edited)' : ''}
          </Text>
          <Text size="xs" c="dimmed">
            Active since {formatDateTime(active.createdAt)} by {active.createdBy} · {active.reviews} review{active.reviews === 1 ? '' : 's'} on it
          </Text>
        </div>
        <Badge color={Math.abs(sum - 1) <= 0.011 ? 'teal' : 'red'} variant="light" size="lg" radius="sm" data-testid="rubric-weight-sum">
          Weights {Math.round(sum * 1000) / 10}%
        </Badge>
      </Group>
      {!canManage ? (
        <Alert variant="light" color="gray" mt="sm" py="xs">
          Managers edit the rubric; you see it as reviewers do.
        </Alert>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          Saving makes a new version that new reviews use. Reviews already written keep their version and score.
        </Text>
      )}
      <Accordion multiple mt="sm" variant="separated" defaultValue={[]}>
        {criteria.map((c, index) => (
          <Accordion.Item key={`${c.key}-${index}`} value={`${index}`} data-testid="rubric-criterion">
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" pr="sm">
                <Text size="sm" fw={600}>
                  {c.label || 'New criterion'}
                </Text>
                <Text size="xs" c="dimmed">
                  {Math.round(c.weight * 1000) / 10}%
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput
                    label="Name"
                    value={c.label}
                    readOnly={!canManage}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      update(index, c.isNew ? { label, key: keyFromLabel(label) } : { label });
                    }}
                    data-testid="criterion-label"
                  />
                  <TextInput label="Key" value={c.key} readOnly description={c.isNew ? 'made from the name' : 'kept across versions'} />
                  <NumberInput
                    label="Weight (%)"
                    value={Math.round(c.weight * 1000) / 10}
                    min={0}
                    max={100}
                    step={5}
                    decimalScale={1}
                    readOnly={!canManage}
                    onChange={(value) => update(index, { weight: typeof value === 'number' ? value / 100 : 0 })}
                    data-testid="criterion-weight"
                  />
                </SimpleGrid>
                {LEVELS.map((level) => (
                  <Textarea
                    key={level}
                    label={`Level ${level}`}
                    autosize
                    minRows={1}
                    maxRows={4}
                    value={c.anchors[level]}
                    readOnly={!canManage}
                    onChange={(e) => setAnchor(index, level, e.currentTarget.value)}
                    data-testid={`criterion-anchor-${level}`}
                  />
                ))}
                {canManage ? (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setDirty(true);
                        setCriteria(criteria.filter((_, i) => i !== index));
                      }}
                    >
                      Remove this criterion
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {canManage ? (
        <Stack gap="xs" mt="sm">
          {dirty && problem ? (
            <Text size="sm" c="red.8" data-testid="rubric-problem">
              {problem}
            </Text>
          ) : null}
          <FormError error={save.error} />
          {save.isSuccess && !dirty ? (
            <Text size="sm" c="teal.8" data-testid="rubric-saved">
              Saved as version {save.data.rubric.version}.
            </Text>
          ) : null}
          <Group justify="space-between">
            <Button size="xs" variant="default" onClick={add}>
              Add a criterion
            </Button>
            <Group gap="xs">
              <Button
                size="xs"
                variant="subtle"
                disabled={!dirty}
                onClick={() => {
                  setCriteria(toEditable(active.criteria));
                  setDirty(false);
                }}
              >
                Discard changes
              </Button>
              <Button
                size="sm"
                disabled={!dirty || problem !== null}
                loading={save.isPending}
                onClick={() => save.mutate(toCriteria(criteria), { onSuccess: () => setDirty(false) })}
                data-testid="save-rubric"
              >
                Save as version {active.version + 1}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

function VersionHistory({ versions }: { versions: Rubric[] }) {
  return (
    <Card data-testid="rubric-versions">
      <Text fw={600} component="h2" mb="xs">
        Version history
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Saved</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Criteria (weight)</Table.Th>
              <Table.Th ta="right">Reviews</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id} data-testid="rubric-version">
                <Table.Td>
                  v{v.version}{' '}
                  {v.isActive ? (
                    <Badge size="xs" color="teal" variant="light" radius="sm">
                      active
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{v.createdBy}</Table.Td>
                <Table.Td>
                  <Text size="xs">{v.criteria.map((c) => `${c.label} ${Math.round(c.weight * 100)}%`).join(' · ')}</Text>
                </Table.Td>
                <Table.Td ta="right">{v.reviews}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Card>
  );
}
