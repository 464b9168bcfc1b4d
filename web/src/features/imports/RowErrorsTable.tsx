// Every problem the server listed: row, column, the value it found and why it cannot be read.
import { Code, Table } from '@mantine/core';
import { TableCard } from '../../ui/TableCard';
import type { RowError } from './imports-api';

/** `lines`: a recording's problems, by line and field instead of row and column. */
export function RowErrorsTable({ errors, lines = false }: { errors: readonly RowError[]; lines?: boolean }) {
  const row = lines ? 'Line' : 'Row';
  const column = lines ? 'Field' : 'Column';
  return (
    <TableCard minWidth={640} data-testid="import-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={72}>{row}</Table.Th>
          <Table.Th>{column}</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Problem</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((error, index) => (
          <Table.Tr key={`${error.row}-${error.column}-${index}`} data-testid="import-error-row">
            <Table.Td data-label={row}>{error.row}</Table.Td>
            <Table.Td data-label={column}>
              {error.column ?? (lines ? '(whole line)' : '(whole row)')}
            </Table.Td>
            <Table.Td data-label="Value">
              {error.value === null || error.value === '' ? (
                '(empty)'
              ) : (
                // A broken line is one long word: let it wrap instead of widening the phone layout.
                <Code style={{ overflowWrap: 'anywhere' }}>{error.value}</Code>
              )}
            </Table.Td>
            <Table.Td data-label="Problem">{error.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
