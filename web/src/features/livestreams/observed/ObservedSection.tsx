// The session's observed figures from its live event recording: what the stream showed minute by
// minute (viewers, enters, comments, questions, gifts, sampled likes, product moments) and what
// the comments say (questions, purchase intent and its phrases, sentiment, products mentioned).
// Labelled as observed everywhere: these counts come from the event stream, not the platform.
import { lazy, Suspense } from 'react';
import { Badge, Card, Code, Group, Progress, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { formatCount, formatCountOf, formatDateTime, formatRate, MISSING } from '../../../ui/format';
import { formatMinute } from '../session-format';
import { useObserved, type ObservedSession, type ObservedTotals } from './observed-api';
import classes from './ObservedSection.module.css';

const ObservedChart = lazy(() => import('./ObservedChart').then((m) => ({ default: m.ObservedChart })));

export const OBSERVED_NOTE = "Observed from the event stream — counts can differ from the platform's figures";

const rate = (value: number | null) => (value === null ? MISSING : formatRate(value));

export function ObservedSection({ id }: { id: string }) {
  const observed = useObserved(id);
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const data = observed.data;
  return (
    <Card data-testid="observed-section">
      <Stack gap={2} mb="sm">
        <Group gap={8} align="center">
          <Text fw={600} size="sm" component="h2">
            Live event stream
          </Text>
          <Badge size="sm" variant="light" color="grape" radius="sm">
            Observed
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="observed-note">
          {OBSERVED_NOTE} (likes are sampled, viewers are counted differently).
        </Text>
        {data?.recording ? <RecordingMeta data={data} /> : null}
      </Stack>
      {observed.isError ? (
        <ErrorPanel
          title="The observed figures could not be loaded"
          error={observed.error}
          onRetry={() => void observed.refetch()}
        />
      ) : !data ? (
        <Skeleton height={narrow ? 420 : 360} data-testid="observed-loading" />
      ) : !data.recording || !data.totals ? (
        <EmptyRecording id={id} />
      ) : (
        <Stack gap="md">
          <Stats totals={data.totals} data={data} />
          <div>
            <Suspense fallback={<Skeleton height={narrow ? 260 : 300} />}>
              <ObservedChart minutes={data.minutes} height={narrow ? 260 : 300} />
            </Suspense>
            <Text size="xs" c="dimmed" mt={4}>
              <span className={classes.productMark} aria-hidden="true" /> minutes with a product card or pin ·
              likes are the sampled like events, drawn on their own scale
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <IntentCard data={data} />
            <ProductsCard data={data} />
            <QuestionsCard data={data} />
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}

function RecordingMeta({ data }: { data: ObservedSession }) {
  const r = data.recording;
  if (!r) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="observed-recording">
      From {r.file ?? 'a recording'}: {formatCountOf(r.events, 'event')}
      {r.linesRejected > 0 ? ` (${formatCountOf(r.linesRejected, 'malformed line')} skipped)` : ''},{' '}
      {formatDateTime(r.firstEventAt)} – {formatDateTime(r.streamEndedAt ?? r.lastEventAt)}
    </Text>
  );
}

function EmptyRecording({ id }: { id: string }) {
  return (
    <div className={classes.empty} data-testid="observed-empty">
      <Text fw={600} size="sm">
        No event stream recording for this session
      </Text>
      <Text size="sm" c="dimmed" maw={560} mx="auto" mt={4}>
        A recording of the LIVE (JSON lines of chat, gifts, likes, viewers and shopping events) shows comments
        per minute, questions, purchase intent, sentiment and the products viewers ask about. Import it on the
        Imports page as “Live event recording”, or run
      </Text>
      <Code mt={8} className={classes.command}>
        aisle import recording.jsonl --kind live_events --livestream {id}
      </Code>
    </div>
  );
}

interface StatProps {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}

function Stat({ label, value, detail, testId }: StatProps) {
  return (
    <div className={classes.stat} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" className={classes.statLabel}>
        {label}
      </Text>
      <Text fw={650} size="lg" className={classes.number}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </div>
  );
}

function Stats({ totals, data }: { totals: ObservedTotals; data: ObservedSession }) {
  const s = data.sentiment;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat
        testId="observed-comments"
        label="Comments"
        value={formatCount(totals.comments)}
        detail={
          totals.commentsPerMinute === null ? undefined : `${formatCount(totals.commentsPerMinute)} a minute`
        }
      />
      <Stat
        testId="observed-questions"
        label="Questions"
        value={rate(totals.questionShare)}
        detail={`${formatCount(totals.questions)} of the comments`}
      />
      <Stat
        testId="observed-intent"
        label="Purchase intent"
        value={rate(totals.intentShare)}
        detail={`${formatCount(totals.intentComments)} comments ask to buy`}
      />
      <div className={classes.stat} data-testid="observed-sentiment">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" className={classes.statLabel}>
          Sentiment
        </Text>
        {s && s.positive + s.negative + s.neutral > 0 ? (
          <>
            <Progress.Root size={10} mt={8} mb={6} aria-label="Sentiment of the comments">
              <Progress.Section value={(s.positiveShare ?? 0) * 100} color="teal" />
              <Progress.Section
                value={100 - ((s.positiveShare ?? 0) + (s.negativeShare ?? 0)) * 100}
                color="gray.3"
              />
              <Progress.Section value={(s.negativeShare ?? 0) * 100} color="red" />
            </Progress.Root>
            <Text size="xs" c="dimmed">
              <span className={classes.positive}>{rate(s.positiveShare)} positive</span> ·{' '}
              <span className={classes.negative}>{rate(s.negativeShare)} negative</span>
            </Text>
          </>
        ) : (
          <Text fw={650} size="lg">
            {MISSING}
          </Text>
        )}
      </div>
      <Stat
        testId="observed-gifts"
        label="Gifts"
        value={formatCount(totals.gifts)}
        detail={`${formatCount(totals.diamonds)} diamonds · streaks once`}
      />
      <Stat
        testId="observed-viewers"
        label="Peak viewers"
        value={totals.peakViewers === null ? MISSING : formatCount(totals.peakViewers)}
        detail={`${formatCount(totals.enters)} enters · ${formatCount(totals.likesInEvents)} likes seen${
          totals.likesTotalReported === null ? '' : ` of ${formatCount(totals.likesTotalReported)}`
        }`}
      />
    </SimpleGrid>
  );
}

function IntentCard({ data }: { data: ObservedSession }) {
  const top = data.intentTerms[0]?.comments ?? 0;
  return (
    <Card withBorder shadow="none" data-testid="observed-intent-terms">
      <Text fw={600} size="sm" mb={2}>
        Purchase-intent phrases
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        Comments asking about price, links, sizes or stock, in any of five languages
      </Text>
      {data.intentTerms.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comment asked to buy.
        </Text>
      ) : (
        <Stack gap={6}>
          {data.intentTerms.map((t) => (
            <div key={t.term} className={classes.termRow}>
              <Text size="sm" className={classes.term}>
                {t.term}
              </Text>
              <Progress
                value={top > 0 ? (t.comments / top) * 100 : 0}
                size={6}
                color="orange"
                className={classes.termBar}
              />
              <Text size="sm" className={classes.number}>
                {formatCount(t.comments)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ProductsCard({ data }: { data: ObservedSession }) {
  return (
    <Card withBorder shadow="none" data-testid="observed-products">
      <Text fw={600} size="sm" mb={2}>
        Most mentioned products
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        Comments naming a product shown in the stream or from the seller&apos;s catalog
      </Text>
      {data.products.length === 0 ? (
        <Text size="sm" c="dimmed">
          No product was shown or named.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th ta="right">Shown</Table.Th>
              <Table.Th ta="right">Mentions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.products.map((p) => (
              <Table.Tr key={p.title}>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={p.title}>
                    {p.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.source === 'stream' ? (p.shop ?? 'in the stream') : "seller's catalog"}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {p.firstMinute === null ? MISSING : formatMinute(p.firstMinute)}
                </Table.Td>
                <Table.Td ta="right" className={classes.number} fw={600}>
                  {formatCount(p.mentions)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function QuestionsCard({ data }: { data: ObservedSession }) {
  return (
    <Card withBorder shadow="none" data-testid="observed-question-list">
      <Text fw={600} size="sm" mb={2}>
        Questions viewers asked
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        The first questions of the stream, with their minute
      </Text>
      {data.questions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No questions in the comments.
        </Text>
      ) : (
        <Stack gap={6}>
          {data.questions.map((q, i) => (
            <Group key={`${q.minute}-${i}`} gap={8} wrap="nowrap" align="baseline">
              <Text size="xs" c="dimmed" className={classes.number} w={36}>
                {formatMinute(q.minute)}
              </Text>
              <Text size="sm" lineClamp={2}>
                {q.comment}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
