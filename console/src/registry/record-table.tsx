import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Figures align right, under their header. */
  numeric?: boolean;
}

/** A list of records as a striped table with column header cells; scrolls sideways below `minWidth` rather than squeeze. */
export function RecordTable({ columns, minWidth, testId, children }: { columns: readonly Column[]; minWidth?: number; testId?: string; children: ReactNode }) {
  const table = (
    <Table striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.label} scope="col" ta={column.numeric ? 'right' : undefined}>
              {column.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
