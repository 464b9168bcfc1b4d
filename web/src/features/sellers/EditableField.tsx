// One profile field, editable in place: click the value (or its pencil), change it, Enter saves and
// Escape cancels. The server validates; its message (naming the field and the value) shows under
// the input and the input stays open, so nothing typed is lost.
import { useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Group, NativeSelect, Text, TextInput, UnstyledButton } from '@mantine/core';
import { ApiError } from '../../ui/api';
import { MISSING } from '../../ui/format';
import classes from './SellerPage.module.css';

export type FieldKind =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'number' }
  | { type: 'select'; data: { value: string; label: string }[] };

export interface EditableFieldProps {
  field: string;
  label: string;
  /** What is shown when not editing (formatted). */
  display: ReactNode;
  /** The value the input starts from. */
  value: string | number | null;
  kind?: FieldKind;
  editable: boolean;
  onSave: (value: string | number | null) => Promise<unknown>;
}

export function EditableField({
  field,
  label,
  display,
  value,
  kind = { type: 'text' },
  editable,
  onSave,
}: EditableFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const open = () => {
    setDraft(value === null ? '' : String(value));
    setError(null);
    setEditing(true);
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const trimmed = draft.trim();
      const next =
        trimmed === ''
          ? null
          : kind.type === 'number' && /^-?\d+(\.\d+)?$/.test(trimmed)
            ? Number(trimmed)
            : trimmed;
      await onSave(next);
      setEditing(false);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : 'The change could not be saved.');
      // Back to the value, so it can be corrected (or Escape pressed) at once.
      requestAnimationFrame(() => input.current?.focus());
    } finally {
      setSaving(false);
    }
  };
  const shown = display === null || display === undefined || display === '' ? MISSING : display;

  if (!editing) {
    return (
      <div className={classes.field} data-testid={`field-${field}`}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {editable ? (
          <UnstyledButton
            onClick={open}
            className={classes.fieldValue}
            aria-label={`Edit ${label}`}
            data-testid={`edit-${field}`}
          >
            <Text size="sm" span>
              {shown}
            </Text>
            <span className={classes.pencil} aria-hidden="true">
              ✎
            </span>
          </UnstyledButton>
        ) : (
          <Text size="sm">{shown}</Text>
        )}
      </div>
    );
  }
  const inputProps = {
    size: 'xs' as const,
    'aria-label': label,
    error: error ?? undefined,
    autoFocus: true,
    disabled: saving,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter') void save();
    },
    'data-testid': `input-${field}`,
    ref: input,
  };
  return (
    // Escape cancels wherever the focus is inside the editor (the input or its buttons).
    <div
      className={classes.field}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setEditing(false);
      }}
    >
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={4} align="flex-start" wrap="nowrap">
        {kind.type === 'select' ? (
          <NativeSelect
            {...inputProps}
            data={[{ value: '', label: '—' }, ...kind.data]}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
        ) : (
          <TextInput
            {...inputProps}
            type={kind.type === 'date' ? 'date' : 'text'}
            inputMode={kind.type === 'number' ? 'decimal' : undefined}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
        )}
        <ActionIcon
          size="md"
          variant="filled"
          onClick={() => void save()}
          loading={saving}
          aria-label={`Save ${label}`}
          data-testid={`save-${field}`}
        >
          ✓
        </ActionIcon>
        <ActionIcon
          size="md"
          variant="default"
          onClick={() => setEditing(false)}
          aria-label="Cancel"
          disabled={saving}
        >
          ×
        </ActionIcon>
      </Group>
    </div>
  );
}
