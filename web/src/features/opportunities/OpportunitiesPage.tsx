import { PlannedPage } from '../../ui/PlannedPage';

export function OpportunitiesPage() {
  return (
    <PlannedPage
      title="Opportunities"
      summary="Gaps and growth opportunities across the seller base, ranked and explained."
      arrivesWith="the seller map"
      capabilities={[
        'Find sellers with steady GMV who do not use livestreams yet.',
        'Spot subcategories where demand grows but few sellers are active.',
        'See sellers falling behind their own trend or their peers, with the reason stated.',
        'Turn an opportunity into a follow-up task for the seller’s account manager.',
      ]}
    />
  );
}
