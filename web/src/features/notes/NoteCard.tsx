// One note: title, author and last change, its seller, tags, and its Markdown rendered to HTML by
// the server (raw HTML disabled there, so a `<script>` in a note is shown as text, never run).
// Long notes start folded. Edit and delete sit in a small menu that only writers get.
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import type { Note } from './notes-api';
import classes from './NoteCard.module.css';

/** Longer than this (characters or lines) and the note starts folded. */
const FOLD_CHARS = 420;
const FOLD_LINES = 6;

export interface NoteCardProps {
  note: Note;
  /** Absent for users without the `write` permission: no edit controls at all. */
  onEdit?: (note: Note) => void;
  onDelete?: (note: Note) => void;
}

export function NoteCard({ note, onEdit, onDelete }: NoteCardProps) {
  const foldable = note.bodyMd.length > FOLD_CHARS || note.bodyMd.split('\n').length > FOLD_LINES;
  const [expanded, setExpanded] = useState(false);
  return (
    <Card data-testid="note" data-note-id={note.id} padding="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} miw={0}>
            <Title order={3} className={classes.title} data-testid="note-title">
              {note.title}
            </Title>
            <Text size="xs" c="dimmed">
              {note.createdBy} · updated {formatDateTime(note.updatedAt)}
              {note.sellerId ? ' · ' : ''}
              {note.sellerId ? (
                <Anchor
                  component={Link}
                  to={`/sellers/${encodeURIComponent(note.sellerId)}`}
                  size="xs"
                  data-testid="note-seller"
                >
                  {note.sellerName ?? note.sellerId}
                </Anchor>
              ) : null}
            </Text>
          </Stack>
          {onEdit && onDelete ? <NoteActions note={note} onEdit={onEdit} onDelete={onDelete} /> : null}
        </Group>
        {note.tags.length > 0 ? (
          <Group gap={6}>
            {note.tags.map((tag) => (
              <Badge key={tag} variant="light" color="gray" radius="sm" size="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
        {note.bodyMd ? (
          <div>
            <div
              className={classes.body}
              data-collapsed={foldable && !expanded ? '' : undefined}
              data-testid="note-body"
              // Rendered by the server with markdown-it, raw HTML off and links restricted to safe schemes.
              dangerouslySetInnerHTML={{ __html: note.bodyHtml.trimEnd() }}
            />
            {foldable ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setExpanded(!expanded)}
                mt={4}
              >
                {expanded ? 'Show less' : 'Show more'}
              </Anchor>
            ) : null}
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}

interface NoteActionsProps {
  note: Note;
  onEdit: (note: Note) => void;
  onDelete: (note: Note) => void;
}

function NoteActions({ note, onEdit, onDelete }: NoteActionsProps) {
  return (
    <Menu position="bottom-end" shadow="md" width={160}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Actions for note ${note.title}`}
          data-testid="note-actions"
        >
          <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
            <circle cx="5.5" cy="12" r="1.6" />
            <circle cx="12" cy="12" r="1.6" />
            <circle cx="18.5" cy="12" r="1.6" />
          </svg>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onEdit(note)}>Edit</Menu.Item>
        <Menu.Item color="red" onClick={() => onDelete(note)}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
