// One row per source column: its header, its first values, the field it feeds (the user can
// change it) and how sure the match is. Guesses below the review threshold are marked.
import { Badge, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { TableCard } from '../../ui/TableCard';
import { fieldOptions, IGNORE, matchLabels, needsReview } from './import-choices';
import type { ColumnMatch, ImportField, MatchHow } from './imports-api';
import badges from './ImportBadges.module.css';
import classes from './PreviewPanel.module.css';

const matchColors: Record<MatchHow, string> = {
  user: 'indigo',
  profile: 'indigo',
  exact: 'teal',
  synonym: 'teal',
  fuzzy: 'yellow',
  none: 'gray',
};

export interface MappingTableProps {
  columns: readonly ColumnMatch[];
  fields: readonly ImportField[];
  disabled: boolean;
  onChange: (header: string, field: string) => void;
}

export function MappingTable({ columns, fields, disabled, onChange }: MappingTableProps) {
  const options = fieldOptions(fields);
  return (
    <TableCard minWidth={760} data-testid="mapping-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>First values</Table.Th>
          <Table.Th w={300}>Loads into</Table.Th>
          <Table.Th w={170}>Match</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map((column) => {
          const review = needsReview(column);
          return (
            <Table.Tr
              key={column.column}
              data-testid="mapping-row"
              data-header={column.header}
              data-review={review || undefined}
              className={review ? classes.reviewRow : undefined}
            >
              <Table.Td data-label="Column">
                <Text size="sm" fw={500}>
                  {column.header.trim() === '' ? <i>(no header)</i> : column.header}
                </Text>
              </Table.Td>
              <Table.Td data-label="Values">
                <Text size="xs" c="dimmed" className={classes.samples}>
                  {column.samples.length > 0 ? column.samples.join(' · ') : '(empty)'}
                </Text>
              </Table.Td>
              <Table.Td data-label="Loads into">
                <Select
                  size="xs"
                  w="100%"
                  maw={300}
                  aria-label={`Field for column ${column.header}`}
                  data={options}
                  value={column.field ?? IGNORE}
                  allowDeselect={false}
                  searchable
                  disabled={disabled || column.header.trim() === ''}
                  onChange={(value) => {
                    if (value !== null && value !== (column.field ?? IGNORE)) onChange(column.header, value);
                  }}
                />
              </Table.Td>
              <Table.Td data-label="Match">
                <Group gap={6} wrap="nowrap">
                  <Tooltip
                    label={column.reason ?? `Confidence ${Math.round(column.confidence * 100)}%`}
                    withArrow
                  >
                    <Badge
                      className={badges.whole}
                      size="sm"
                      radius="sm"
                      variant={review ? 'filled' : 'light'}
                      color={matchColors[column.how]}
                      data-testid="match-badge"
                    >
                      {matchLabels[column.how]}
                      {column.how === 'fuzzy' || column.how === 'synonym'
                        ? ` ${Math.round(column.confidence * 100)}%`
                        : ''}
                    </Badge>
                  </Tooltip>
                  {review ? (
                    <Text size="xs" c="yellow.9">
                      Check
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}
