import { Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled list (h2) as a table with a header cell per column; the rows come from the caller. */
export function ListTable({ id, title, testId, minWidth, columns, children }: { id: string; title: string; testId: string; minWidth: number; columns: readonly string[]; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
