// Best practices: what the top quartile of each subcategory's sessions (by GPM or GMV per live
// hour) does differently from the rest — habits, interaction, rubric criteria, start hours and
// review tags — with the size of each difference and the sessions behind it, the strongest
// findings in words, and the latest reviews that name a best practice.
import { Anchor, Badge, Card, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyNote } from '../../../ui/EmptyNote';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { formatCountOf, formatDate, formatDateRange, formatMoney } from '../../../ui/format';
import { sessionHref } from '../livestreams-view';
import { useListOptions } from '../use-livestreams';
import { useBestPractices, type BestPractices, type Outcome } from './best-practices-api';
import { practicesQuery, readPracticesView, WEEK_CHOICES, writePracticesView, type PracticesView } from './best-practices-view';
import { NumericFindingsTable, ShareFindingsTable } from './FindingTables';
import classes from './BestPracticesPanel.module.css';

function usePracticesView(): [PracticesView, (next: PracticesView) => void] {
  const [params, setParams] = useSearchParams();
  return [readPracticesView(params), (next) => setParams((current) => writePracticesView(current, next), { replace: true })];
}

function Controls({ view, onChange }: { view: PracticesView; onChange: (next: PracticesView) => void }) {
  const options = useListOptions();
  const subcategories = [
    { value: '', label: 'All subcategories' },
    ...(options.data?.subcategories ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        label="Subcategory"
        data={subcategories}
        value={view.subcategory}
        onChange={(value) => onChange({ ...view, subcategory: value ?? '' })}
        allowDeselect={false}
        w={220}
        size="sm"
        data-testid="practices-subcategory"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Top quartile by
        </Text>
        <SegmentedControl
          size="sm"
          value={view.outcome}
          onChange={(value) => onChange({ ...view, outcome: value as Outcome })}
          data={[
            { value: 'gpm', label: 'GPM' },
            { value: 'gmv_per_live_hour', label: 'GMV per live hour' },
          ]}
          aria-label="Rank sessions by"
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Sessions of the last
        </Text>
        <SegmentedControl
          size="sm"
          value={String(view.weeks)}
          onChange={(value) => onChange({ ...view, weeks: Number(value) })}
          data={WEEK_CHOICES.map((w) => ({ value: String(w), label: `${w} weeks` }))}
          aria-label="Weeks"
        />
      </Stack>
    </Group>
  );
}

function Summary({ data }: { data: BestPractices }) {
  const left = data.subcategories.filter((s) => !s.included);
  return (
    <Text size="sm" c="dimmed" data-testid="practices-summary">
      Top quartile = the best 25% of each subcategory’s sessions by {data.outcomeLabel}.{' '}
      {formatCountOf(data.sessions.all, 'session')} from {formatDateRange(data.from, data.to)}:{' '}
      <span data-testid="practices-groups">
        {data.sessions.top} top vs {data.sessions.rest} others
      </span>{' '}
      (<span data-testid="practices-reviewed">{data.sessions.reviewedTop + data.sessions.reviewedRest} reviewed</span>).
      {data.sessions.unranked > 0 ? ` ${formatCountOf(data.sessions.unranked, 'session')} without views are not ranked.` : ''}
      {left.length > 0
        ? ` ${formatCountOf(left.length, 'subcategory', 'subcategories')} with fewer than 8 ranked sessions ${left.length === 1 ? 'is' : 'are'} left out.`
        : ''}
    </Text>
  );
}

function Highlights({ data }: { data: BestPractices }) {
  return (
    <Card padding="md" data-testid="practices-highlights">
      <Title order={2} size="h5" mb="xs">
        What the best do differently
      </Title>
      {data.highlights.length === 0 ? (
        <Text size="sm" c="dimmed">
          No difference has enough evidence yet. More sessions (a longer range, or every subcategory) or more reviews will
          show what sets the top quartile apart.
        </Text>
      ) : (
        <ol className={classes.highlights}>
          {data.highlights.map((sentence) => (
            <li key={sentence}>
              <Text size="sm">{sentence}</Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function Examples({ data }: { data: BestPractices }) {
  return (
    <Card padding="md" data-testid="practices-examples">
      <Title order={2} size="h5" mb="xs">
        From the reviewers
      </Title>
      {data.examples.length === 0 ? (
        <Text size="sm" c="dimmed">
          No review in this range names a best practice yet. Tag what works (strong hook, hands-on demo, pinned products…)
          when you review a session and it appears here.
        </Text>
      ) : (
        data.examples.map((e) => (
          <div key={e.reviewId} className={classes.example} data-testid="practice-example">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Anchor component={Link} to={sessionHref(e.livestreamId)} size="sm" fw={500} lineClamp={1}>
                {e.title ?? `Session ${e.livestreamId}`}
              </Anchor>
              {e.topQuartile ? (
                <Badge size="xs" variant="light" color="teal">
                  top quartile
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {e.sellerName}
              {e.host ? ` · ${e.host}` : ''} · {formatDate(e.startDate)} · reviewed by {e.reviewer}
              {e.rubricScore === null ? '' : ` · rubric ${Math.round(e.rubricScore)}/100`}
            </Text>
            <Group gap={4} mt={4}>
              {e.practices.map((p) => (
                <Badge key={p} size="sm" variant="outline" color="indigo">
                  {p}
                </Badge>
              ))}
            </Group>
            {e.notes ? (
              <Text size="sm" mt={4} lineClamp={3} className={classes.notes}>
                {e.notes}
              </Text>
            ) : null}
          </div>
        ))
      )}
    </Card>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Title order={2} size="h5">
          {title}
        </Title>
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Group>
      {children}
    </Stack>
  );
}

function Subcategories({ data }: { data: BestPractices }) {
  if (data.subcategories.length <= 1) return null;
  return (
    <Section title="Subcategories" note="the top-quartile threshold of each, and the ones too small to rank">
      <Card padding="md" data-testid="practices-subcategories">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          {data.subcategories.map((s) => (
            <Group key={s.subcategory ?? ''} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate>
                {s.subcategoryName ?? 'No subcategory'}
              </Text>
              <Text size="xs" c="dimmed" className={classes.nowrap}>
                {s.included
                  ? `top ${s.topSessions} of ${s.ranked} · ${data.outcomeLabel} from ${s.topThreshold === null ? '—' : formatMoney(s.topThreshold, data.currency)}`
                  : `${s.ranked} ranked · left out`}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Card>
    </Section>
  );
}

export function BestPracticesPanel() {
  const [view, setView] = usePracticesView();
  // The default 8 weeks need no date; other lengths end on the latest day with data, known from the first answer.
  const first = useBestPractices(practicesQuery({ ...view, weeks: 8 }, null));
  const asOf = first.data?.asOf ?? null;
  const current = useBestPractices(practicesQuery(view, asOf));
  const data = view.weeks === 8 ? first.data : current.data;
  const error = first.error ?? current.error;

  return (
    <Stack gap="lg" data-testid="best-practices">
      <Controls view={view} onChange={setView} />
      {error ? (
        <ErrorPanel title="Best practices could not be loaded" error={error} onRetry={() => void current.refetch()} retrying={current.isFetching} />
      ) : !data ? (
        <Stack gap="md" data-testid="practices-loading">
          <Skeleton height={16} width="60%" />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Skeleton height={180} />
            <Skeleton height={180} />
          </SimpleGrid>
          <Skeleton height={240} />
        </Stack>
      ) : data.sessions.all === 0 ? (
        <EmptyNote title="No livestream sessions in this range" testId="practices-empty">
          Import a LIVE list export (Imports → kind “livestreams”) and the comparison of the best sessions with the rest
          appears here.
        </EmptyNote>
      ) : data.sessions.top === 0 ? (
        <>
          <Summary data={data} />
          <EmptyNote title="Too few sessions to find a top quartile" testId="practices-too-few">
            A subcategory needs at least 8 sessions with views in the range. Choose every subcategory or a longer range.
          </EmptyNote>
        </>
      ) : (
        <>
          <Summary data={data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Highlights data={data} />
            <Examples data={data} />
          </SimpleGrid>
          <Section title="Session habits" note="median per session">
            <NumericFindingsTable findings={data.habits} currency={data.currency} featureHeader="Habit" testId="practices-habits" />
          </Section>
          <Section title="Start hour" note="share of sessions starting in each band, workspace time">
            <ShareFindingsTable findings={data.startHours} itemHeader="Starts" testId="practices-start-hours" />
          </Section>
          <Section title="Interaction" note="median rates per session">
            <NumericFindingsTable findings={data.interactions} currency={data.currency} featureHeader="Rate" testId="practices-interactions" />
          </Section>
          <Section
            title="Rubric criteria"
            note={`reviewed sessions: ${data.sessions.reviewedTop} top vs ${data.sessions.reviewedRest} others`}
          >
            {data.rubric.length === 0 ? (
              <EmptyNote title="No reviewed sessions in both groups yet">
                Review sessions from the review queue; criteria are compared once both groups have reviews.
              </EmptyNote>
            ) : (
              <NumericFindingsTable findings={data.rubric} currency={data.currency} featureHeader="Criterion" testId="practices-rubric" />
            )}
          </Section>
          <Section title="Review tags" note="share of reviewed sessions carrying each tag">
            {data.tags.length === 0 ? (
              <EmptyNote title="No tagged reviews in both groups yet" />
            ) : (
              <ShareFindingsTable findings={data.tags} itemHeader="Tag" testId="practices-tags" />
            )}
          </Section>
          <Subcategories data={data} />
        </>
      )}
    </Stack>
  );
}
