import { PlannedPage } from '../../ui/PlannedPage';

export function SellersPage() {
  return (
    <PlannedPage
      title="Sellers"
      summary="The registry of every seller in the category with tier, lifecycle, GMV and livestream activity."
      arrivesWith="the seller map"
      capabilities={[
        'Search, filter and sort all sellers by tier, region, subcategory, status and account manager.',
        'Open a seller profile: GMV, orders and livestream history, with every profile change recorded.',
        'Segment sellers by tier, lifecycle stage and livestream adoption.',
        'Assign owners and export any filtered list to a styled Excel workbook.',
      ]}
    />
  );
}
