import { PlannedPage } from '../../ui/PlannedPage';

export function ReportsPage() {
  return (
    <PlannedPage
      title="Reports"
      summary="Weekly and monthly category reports built from the same numbers as every page."
      arrivesWith="the report builder"
      capabilities={[
        'Generate the weekly or monthly report with KPIs, changes, targets and written findings.',
        'Download it as HTML, PDF, a styled Excel workbook or slides with editable charts.',
        'Schedule reports and keep an archive of everything that was sent.',
      ]}
    />
  );
}
