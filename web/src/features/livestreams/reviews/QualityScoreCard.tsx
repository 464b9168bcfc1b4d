// The quality score of a session with both of its parts side by side: the weighted rubric score
// (mean over the reviewers, 0–100) and the peer score (mean percentile among comparable sessions),
// and how they were combined — 50/50 when both exist, otherwise the part there is.
import { Card, Group, Text } from '@mantine/core';
import { formatScore, scoreColor } from '../session-format';
import type { QualityScore } from './reviews-api';
import classes from './Reviews.module.css';

const BASIS: Record<NonNullable<QualityScore['basis']>, string> = {
  rubric_and_peers: 'rubric and peer score, half each',
  rubric: 'rubric only: too few peers for a peer score',
  peers: 'peer score only: nobody has reviewed this session yet',
};

export function QualityScoreCard({ quality, reviews }: { quality: QualityScore; reviews: number }) {
  return (
    <Card data-testid="quality-card">
      <Group justify="space-between" align="baseline">
        <Text fw={600} size="sm" component="h2">
          Quality score
        </Text>
        <Text size="xs" c="dimmed">
          {quality.basis ? BASIS[quality.basis] : 'no reviews and too few peers'}
        </Text>
      </Group>
      <Group align="baseline" gap="xs" mt={4}>
        <Text fz={40} fw={700} lh={1.1} c={`${scoreColor(quality.score)}.8`} data-testid="quality-score">
          {formatScore(quality.score)}
        </Text>
        <Text size="sm" c="dimmed">
          / 100
        </Text>
      </Group>
      <div className={classes.parts}>
        <div className={classes.part} data-testid="quality-rubric">
          <Text size="xs" c="dimmed">
            Rubric ({Math.round(quality.weights.rubric * 100)}%)
          </Text>
          <Text fw={600}>{formatScore(quality.rubric)}</Text>
          <Text size="xs" c="dimmed">
            {quality.rubric === null ? 'not reviewed yet' : `weighted, mean of ${reviews} review${reviews === 1 ? '' : 's'}`}
          </Text>
        </div>
        <div className={classes.part} data-testid="quality-peers">
          <Text size="xs" c="dimmed">
            Peer score ({Math.round(quality.weights.peers * 100)}%)
          </Text>
          <Text fw={600}>{formatScore(quality.peers)}</Text>
          <Text size="xs" c="dimmed">
            {quality.peers === null ? 'too few peers' : 'mean percentile of 8 rates'}
          </Text>
        </div>
      </div>
    </Card>
  );
}
