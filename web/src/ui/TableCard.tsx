// A bordered card around a table. Wide screens get the table (scrolling inside the card if it
// must); narrow screens get one block per row with each cell's `data-label` in front of its value,
// so a table never widens the page or hides columns off-screen.
import type { CSSProperties, ReactNode } from 'react';
import { Card, Table } from '@mantine/core';
import classes from './TableCard.module.css';

export interface TableCardProps {
  /** The table's minimum width on wide screens; below it the table scrolls inside the card. */
  minWidth: number;
  children: ReactNode;
  'data-testid'?: string;
}

export function TableCard({ minWidth, children, ...rest }: TableCardProps) {
  const width = { '--table-card-min-width': `${minWidth}px` } as CSSProperties;
  return (
    <Card padding={0} {...rest}>
      <div className={classes.scroll}>
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          highlightOnHover
          fz="sm"
          className={classes.table}
          style={width}
        >
          {children}
        </Table>
      </div>
    </Card>
  );
}
