// The Search tab: notes, communications and tasks containing every word typed (the query is in the
// URL), newest first, each with its seller and the piece of text that matched.
import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import type { SearchHit } from './workspace-api';
import { channelLabel, STATUS_LABELS } from './workspace-format';
import { useWorkspaceSearch } from './use-workspace';

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  note: 'Note',
  communication: 'Communication',
  task: 'Task',
};
const KIND_COLORS: Record<SearchHit['kind'], string> = { note: 'gray', communication: 'blue', task: 'grape' };

function hitLink(hit: SearchHit): string {
  switch (hit.kind) {
    case 'note':
      return `/workspace?tab=notes&nq=${encodeURIComponent(hit.title)}`;
    case 'task':
      return `/workspace?tab=tasks&view=list&done=1&q=${encodeURIComponent(hit.title)}`;
    case 'communication':
      return hit.sellerId
        ? `/sellers/${encodeURIComponent(hit.sellerId)}`
        : `/workspace?tab=log&q=${encodeURIComponent(hit.title)}`;
  }
}

function detailText(hit: SearchHit): string | null {
  if (!hit.detail) return null;
  if (hit.kind === 'task') return STATUS_LABELS[hit.detail as keyof typeof STATUS_LABELS] ?? hit.detail;
  if (hit.kind === 'communication') return channelLabel(hit.detail);
  return hit.detail;
}

export function SearchPanel() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const search = useWorkspaceSearch(q);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md" maw={920} data-testid="workspace-search">
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput
            flex={1}
            label="Search notes, communications and tasks"
            placeholder="e.g. flash sale samples"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="search-input"
          />
          <Button type="submit" data-testid="search-submit">
            Search
          </Button>
        </Group>
      </form>
      {!q ? (
        <EmptyNote title="Search the team’s follow-up work" testId="search-idle">
          Every word must appear — in a title, text, tag, owner or the seller’s name.
        </EmptyNote>
      ) : search.isPending ? (
        <Skeleton height={160} radius="md" />
      ) : search.isError ? (
        <ErrorPanel
          title="The search failed"
          error={search.error}
          onRetry={() => void search.refetch()}
          retrying={search.isFetching}
        />
      ) : search.data.hits.length === 0 ? (
        <EmptyNote title={`Nothing contains “${q}”`} testId="search-empty">
          Try fewer or shorter words.
        </EmptyNote>
      ) : (
        <Card padding="md" data-testid="search-results" data-stale={search.isPlaceholderData || undefined}>
          <Text size="xs" c="dimmed" mb="xs">
            {search.data.hits.length} result{search.data.hits.length === 1 ? '' : 's'}
            {search.data.hits.length >= 50 ? ' (the newest 50)' : ''}
          </Text>
          <Stack gap="sm">
            {search.data.hits.map((hit) => (
              <div key={`${hit.kind}-${hit.id}`} data-testid="search-hit" data-kind={hit.kind}>
                <Group gap={6} wrap="wrap">
                  <Badge size="sm" variant="light" color={KIND_COLORS[hit.kind]} tt="none">
                    {KIND_LABELS[hit.kind]}
                  </Badge>
                  <Anchor
                    component={Link}
                    to={hitLink(hit)}
                    size="sm"
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {hit.title}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed">
                  {[formatDateTime(hit.at), detailText(hit), hit.sellerName ?? hit.sellerId]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {hit.snippet}
                </Text>
              </div>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
