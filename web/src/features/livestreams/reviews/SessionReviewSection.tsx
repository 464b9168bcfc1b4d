// The review half of the session page: the quality score with both parts and everyone's reviews
// (with agreement) on one side, the reviewer's own review form on the other.
import { Skeleton } from '@mantine/core';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { useSession } from '../../auth/session-context';
import { QualityScoreCard } from './QualityScoreCard';
import { ReviewForm } from './ReviewForm';
import { SessionReviewsCard } from './SessionReviewsCard';
import { useReviewOptions, useSessionReviews } from './use-reviews';
import classes from './Reviews.module.css';

export function SessionReviewSection({ sessionId }: { sessionId: string }) {
  const { user } = useSession();
  const reviews = useSessionReviews(sessionId);
  const options = useReviewOptions();
  if (reviews.isError) {
    return <ErrorPanel title="The reviews could not be loaded" error={reviews.error} onRetry={() => void reviews.refetch()} retrying={reviews.isFetching} />;
  }
  if (!reviews.data) {
    return (
      <div className={classes.section} aria-busy="true" aria-label="Loading the reviews">
        <Skeleton height={300} radius="md" />
        <Skeleton height={520} radius="md" />
      </div>
    );
  }
  const own = reviews.data.reviews.find((r) => r.reviewer === user.email);
  return (
    <section className={classes.section} aria-label="Reviews" data-testid="review-section">
      <div className={classes.side}>
        <QualityScoreCard quality={reviews.data.quality} reviews={reviews.data.reviews.length} />
        <SessionReviewsCard data={reviews.data} tags={options.data?.tags ?? []} />
      </div>
      <ReviewForm sessionId={sessionId} own={own} />
    </section>
  );
}
