// The changed fields of one audit entry, one line each: `field  old → new`.
import { Fragment } from 'react';
import { Text } from '@mantine/core';
import { MISSING } from '../../ui/format';
import type { AuditEntry } from './audit-api';
import { changedFields } from './audit-diff';
import classes from './AuditChanges.module.css';

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) {
    return (
      <Text size="xs" c="dimmed" aria-label="No field changes">
        {MISSING}
      </Text>
    );
  }
  return (
    <div className={classes.list} data-testid="audit-changes">
      {changes.map((change) => (
        <Fragment key={change.field}>
          <span className={classes.field}>{change.field}</span>
          <span className={classes.values}>
            {change.before !== null ? <span className={classes.before}>{change.before}</span> : null}
            {change.before !== null && change.after !== null ? (
              <span className={classes.arrow} aria-label="changed to">
                →
              </span>
            ) : null}
            {change.after !== null ? <span className={classes.after}>{change.after}</span> : null}
          </span>
        </Fragment>
      ))}
    </div>
  );
}
