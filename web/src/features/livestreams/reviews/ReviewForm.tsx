// The reviewer's own review of the session: every criterion of the rubric with its five written
// anchors on screen (clicking an anchor picks the level), best-practice, issue and follow-up tags,
// and notes. The reviewer's existing review is prefilled and keeps its rubric version; a new one
// uses the active rubric. The weighted score updates while filling in; the server validates.
import { useState } from 'react';
import { Badge, Button, Card, Chip, Group, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { FormError } from '../../../ui/FormError';
import { formatDateTime } from '../../../ui/format';
import { useCan, useSession } from '../../auth/session-context';
import { draftInput, draftScore100, initialDraft, missingCriteria, type ReviewDraft } from './review-form';
import { LEVELS, type Review, type ReviewTag, type Rubric } from './reviews-api';
import { useDeleteReview, useReviewOptions, useRubricVersions, useSaveReview } from './use-reviews';
import classes from './Reviews.module.css';

const TAG_GROUPS: { kind: ReviewTag['kind']; label: string; color: string }[] = [
  { kind: 'best_practice', label: 'Best practices', color: 'teal' },
  { kind: 'issue', label: 'Issues', color: 'red' },
  { kind: 'workflow', label: 'Follow-up', color: 'gray' },
];

export function ReviewForm({ sessionId, own }: { sessionId: string; own: Review | undefined }) {
  const canWrite = useCan('write');
  const versions = useRubricVersions();
  const options = useReviewOptions();
  if (!canWrite) {
    return (
      <Card data-testid="review-form-readonly">
        <Text fw={600} size="sm" component="h2">
          Your review
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          Analysts, managers and admins review sessions; your role reads the reviews.
        </Text>
      </Card>
    );
  }
  if (versions.isError || options.isError) {
    return (
      <ErrorPanel
        title="The rubric could not be loaded"
        error={versions.error ?? options.error}
        onRetry={() => void Promise.all([versions.refetch(), options.refetch()])}
      />
    );
  }
  const rubric = own
    ? versions.data?.versions.find((v) => v.id === own.rubricId)
    : versions.data?.versions.find((v) => v.isActive);
  if (!rubric || !options.data) return <Skeleton height={520} radius="md" data-testid="review-form-loading" />;
  // Another session or rubric version starts a fresh form; saving keeps it (and its "Saved.").
  return <ReviewFormBody key={`${sessionId}-${rubric.id}`} sessionId={sessionId} own={own} rubric={rubric} tags={options.data.tags} />;
}

function ReviewFormBody({ sessionId, own, rubric, tags }: { sessionId: string; own: Review | undefined; rubric: Rubric; tags: ReviewTag[] }) {
  const { user } = useSession();
  const [draft, setDraft] = useState<ReviewDraft>(() => initialDraft(rubric.criteria, own));
  const [tried, setTried] = useState(false);
  const save = useSaveReview(sessionId);
  const remove = useDeleteReview(sessionId);
  const missing = missingCriteria(rubric.criteria, draft);
  const score = draftScore100(rubric.criteria, draft);
  const setLevel = (key: string, level: number) => setDraft({ ...draft, levels: { ...draft.levels, [key]: level } });
  const toggleTag = (key: string) =>
    setDraft({ ...draft, tags: draft.tags.includes(key) ? draft.tags.filter((t) => t !== key) : [...draft.tags, key] });
  const submit = () => {
    setTried(true);
    if (missing.length > 0) return;
    save.mutate(draftInput(draft));
  };

  return (
    <Card data-testid="review-form">
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fw={600} size="sm" component="h2">
          {own ? 'Your review' : 'Review this session'}
        </Text>
        <Text size="xs" c="dimmed">
          Rubric v{rubric.version}
          {own ? ` · saved ${formatDateTime(own.updatedAt)}` : ` · as ${user.email}`}
        </Text>
      </Group>
      {own && !rubric.isActive ? (
        <Text size="xs" c="orange.8" data-testid="review-old-version">
          Scored on rubric v{rubric.version}; edits keep that version (new reviews use the active one).
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mb="xs">
        Pick the level whose description fits what you saw. Weights show each criterion&apos;s share of the rubric score.
      </Text>
      <Stack gap="sm">
        {rubric.criteria.map((c) => {
          const chosen = draft.levels[c.key] ?? null;
          const unset = tried && chosen === null;
          return (
            <div key={c.key} className={classes.criterion} role="radiogroup" aria-label={c.label} data-testid="review-criterion" data-key={c.key}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600} c={unset ? 'red.7' : undefined}>
                  {c.label}
                </Text>
                <Text size="xs" c={unset ? 'red.7' : 'dimmed'}>
                  {unset ? 'pick a level · ' : ''}weight {Math.round(c.weight * 100)}%
                </Text>
              </Group>
              <div className={classes.levels}>
                {LEVELS.map((level) => {
                  const n = Number(level);
                  const checked = chosen === n;
                  return (
                    <button
                      key={level}
                      type="button"
                      role="radio"
                      aria-checked={checked}
                      className={classes.level}
                      data-checked={checked || undefined}
                      onClick={() => setLevel(c.key, n)}
                      data-testid={`level-${c.key}-${level}`}
                    >
                      <span className={classes.levelNumber}>{level}</span>
                      <span>{c.anchors[level]}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
        <div className={classes.criterion}>
          <Text size="sm" fw={600} mb={4}>
            Tags
          </Text>
          <Stack gap={6}>
            {TAG_GROUPS.map((group) => (
              <div key={group.kind}>
                <Text size="xs" c="dimmed" mb={2}>
                  {group.label}
                </Text>
                <Group gap={6}>
                  {tags
                    .filter((t) => t.kind === group.kind)
                    .map((t) => (
                      <Chip
                        key={t.key}
                        size="xs"
                        color={group.color}
                        checked={draft.tags.includes(t.key)}
                        onChange={() => toggleTag(t.key)}
                        title={t.description}
                        data-testid={`tag-${t.key}`}
                      >
                        {t.label}
                      </Chip>
                    ))}
                </Group>
              </div>
            ))}
          </Stack>
        </div>
        <Textarea
          label="Notes"
          description="What worked, what to fix — the seller may read this in coaching"
          autosize
          minRows={2}
          maxRows={8}
          value={draft.notes}
          onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
          data-testid="review-notes"
        />
        <FormError error={save.error ?? remove.error} />
        <div className={classes.sticky}>
          <Group justify="space-between" gap="xs">
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                Rubric score
              </Text>
              <Badge variant="light" color={score === null ? 'gray' : 'indigo'} size="lg" radius="sm" data-testid="draft-score">
                {score === null ? `${rubric.criteria.length - missing.length} of ${rubric.criteria.length} scored` : score.toFixed(0)}
              </Badge>
            </Group>
            <Group gap="xs">
              {own ? (
                <Button variant="subtle" color="red" size="xs" loading={remove.isPending} onClick={() => remove.mutate(own.id, { onSuccess: () => setDraft(initialDraft(rubric.criteria, undefined)) })} data-testid="delete-review">
                  Delete
                </Button>
              ) : null}
              <Button size="sm" onClick={submit} loading={save.isPending} data-testid="save-review">
                {own ? 'Save changes' : 'Submit review'}
              </Button>
            </Group>
          </Group>
          {tried && missing.length > 0 ? (
            <Text size="xs" c="red.7" mt={4} data-testid="review-missing">
              Score every criterion first: {missing.join(', ')}.
            </Text>
          ) : save.isSuccess && !save.isPending ? (
            <Text size="xs" c="teal.8" mt={4} data-testid="review-saved">
              Saved.
            </Text>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}
