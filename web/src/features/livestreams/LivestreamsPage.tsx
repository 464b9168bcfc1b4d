import { PlannedPage } from '../../ui/PlannedPage';

export function LivestreamsPage() {
  return (
    <PlannedPage
      title="Livestreams"
      summary="Livestream quality evaluation: session metrics against peer benchmarks plus structured human review."
      arrivesWith="livestream analytics"
      capabilities={[
        'Browse sessions with views, engagement rate, CTR, conversion, GPM and GMV per live hour.',
        'Compare each session with peers of the same tier and subcategory.',
        'Follow a session minute by minute: viewers online, clicks, orders and GMV.',
        'Review sessions against a versioned rubric and collect best practices and improvement areas.',
      ]}
    />
  );
}
