// The first rows as the server read them, one column per mapped field. A cell that cannot be read
// is red and says why on hover (and to screen readers).
import { Table, Text, Tooltip } from '@mantine/core';
import { TableCard } from '../../ui/TableCard';
import type { PreviewRow } from './imports-api';
import classes from './PreviewPanel.module.css';

export interface PreviewRowsTableProps {
  columns: readonly { field: string; header: string }[];
  rows: readonly PreviewRow[];
}

export function PreviewRowsTable({ columns, rows }: PreviewRowsTableProps) {
  return (
    <TableCard minWidth={Math.max(480, 80 + columns.length * 140)} data-testid="preview-rows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>Row</Table.Th>
          {columns.map((column) => (
            <Table.Th key={column.field}>
              <Text size="sm" fw={600} lh={1.2}>
                {column.header}
              </Text>
              <Text size="xs" c="dimmed" fw={400}>
                {column.field}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const invalid = Object.keys(row.errors).length > 0;
          return (
            <Table.Tr
              key={row.row}
              data-testid="preview-row"
              data-row={row.row}
              data-invalid={invalid || undefined}
              className={invalid ? classes.invalidRow : undefined}
            >
              <Table.Td data-label="Row" c="dimmed">
                {row.row}
              </Table.Td>
              {columns.map((column) => {
                const value = row.values[column.field] ?? '';
                const error = row.errors[column.field];
                if (error === undefined) {
                  return (
                    <Table.Td key={column.field} data-label={column.header}>
                      {value}
                    </Table.Td>
                  );
                }
                return (
                  <Table.Td
                    key={column.field}
                    data-label={column.header}
                    className={classes.errorCell}
                    data-testid="preview-error-cell"
                    data-error={error}
                  >
                    <Tooltip label={error} withArrow color="red">
                      <span tabIndex={0} aria-label={`${value || '(empty)'}: ${error}`}>
                        {value || '(empty)'}
                      </span>
                    </Tooltip>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}
