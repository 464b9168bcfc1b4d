// Everyone's reviews of the session: each reviewer's weighted score, tags and notes, and — with two
// or more reviewers — a criterion × reviewer grid where criteria two reviewers scored 2+ points
// apart are flagged, so the team can talk them through (Calibration lists these across sessions).
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../ui/format';
import { shortReviewer } from './review-form';
import type { ReviewTag, SessionReviews } from './reviews-api';
import classes from './Reviews.module.css';

const TAG_COLORS: Record<ReviewTag['kind'], string> = { best_practice: 'teal', issue: 'red', workflow: 'gray' };

export function SessionReviewsCard({ data, tags }: { data: SessionReviews; tags: ReviewTag[] }) {
  const { reviews, agreement } = data;
  const tagInfo = new Map(tags.map((t) => [t.key, t]));
  return (
    <Card data-testid="session-reviews">
      <Group justify="space-between" align="baseline">
        <Text fw={600} size="sm" component="h2">
          Reviews
        </Text>
        <Text size="xs" c="dimmed">
          {reviews.length === 0
            ? 'none yet'
            : `${reviews.length} reviewer${reviews.length === 1 ? '' : 's'}${data.rubricScore === null ? '' : ` · mean ${data.rubricScore.toFixed(2)} / 5`}`}
        </Text>
      </Group>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center" data-testid="reviews-empty">
          Nobody has reviewed this session yet.
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {reviews.map((r) => (
            <div key={r.id} className={classes.criterion} data-testid="review-item" data-reviewer={r.reviewer}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} truncate>
                  {r.reviewer}
                </Text>
                <Badge variant="light" color="indigo" radius="sm" data-testid="review-score">
                  {r.score100.toFixed(0)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {r.score.toFixed(2)} / 5 on rubric v{r.rubricVersion} · {formatDateTime(r.updatedAt)}
              </Text>
              {r.tags.length ? (
                <Group gap={4} mt={4}>
                  {r.tags.map((t) => {
                    const info = tagInfo.get(t);
                    return (
                      <Badge key={t} size="xs" variant="light" radius="sm" tt="none" color={info ? TAG_COLORS[info.kind] : 'gray'}>
                        {info?.label ?? t}
                      </Badge>
                    );
                  })}
                </Group>
              ) : null}
              {r.notes ? (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {r.notes}
                </Text>
              ) : null}
            </div>
          ))}
          {agreement.reviewers >= 2 ? <AgreementGrid data={data} /> : null}
        </Stack>
      )}
    </Card>
  );
}

function AgreementGrid({ data }: { data: SessionReviews }) {
  const { agreement, reviews } = data;
  const reviewers = [...new Set(reviews.map((r) => r.reviewer))].sort();
  const flagged = agreement.criteria.filter((c) => c.flagged);
  return (
    <div data-testid="agreement">
      <Text size="sm" fw={600} mt="xs">
        Agreement
      </Text>
      <Text size="xs" c={flagged.length ? 'red.8' : 'teal.8'} mb={4} data-testid="agreement-summary">
        {flagged.length
          ? `Reviewers are 2+ points apart on ${flagged.map((c) => c.label).join(', ')} — worth a calibration talk.`
          : `Reviewers agree within ${agreement.maxSpread ?? 0} point${agreement.maxSpread === 1 ? '' : 's'} on every criterion.`}
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <Table fz="xs" verticalSpacing={4} horizontalSpacing="xs" withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              {reviewers.map((r) => (
                <Table.Th key={r} className={classes.matrixCell} title={r}>
                  {shortReviewer(r)}
                </Table.Th>
              ))}
              <Table.Th className={classes.matrixCell}>Spread</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.criteria.map((c) => {
              const levels = new Map(c.levels.map((l) => [l.reviewer, l.level]));
              return (
                <Table.Tr key={c.key} className={c.flagged ? classes.flagged : undefined} data-flagged={c.flagged || undefined}>
                  <Table.Td>{c.label}</Table.Td>
                  {reviewers.map((r) => (
                    <Table.Td key={r} className={classes.matrixCell}>
                      {levels.get(r) ?? '—'}
                    </Table.Td>
                  ))}
                  <Table.Td className={classes.matrixCell} fw={c.flagged ? 700 : undefined} c={c.flagged ? 'red.8' : undefined}>
                    {c.reviewers >= 2 ? c.spread : '—'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </div>
  );
}
