// Every problem the server listed: row, column, the value it found and why it cannot be read.
import { Code, Table } from '@mantine/core';
import { TableCard } from '../../ui/TableCard';
import type { RowError } from './imports-api';

export function RowErrorsTable({ errors }: { errors: readonly RowError[] }) {
  return (
    <TableCard minWidth={640} data-testid="import-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={72}>Row</Table.Th>
          <Table.Th>Column</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Problem</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((error, index) => (
          <Table.Tr key={`${error.row}-${error.column}-${index}`} data-testid="import-error-row">
            <Table.Td data-label="Row">{error.row}</Table.Td>
            <Table.Td data-label="Column">{error.column ?? '(whole row)'}</Table.Td>
            <Table.Td data-label="Value">
              {error.value === null || error.value === '' ? '(empty)' : <Code>{error.value}</Code>}
            </Table.Td>
            <Table.Td data-label="Problem">{error.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
