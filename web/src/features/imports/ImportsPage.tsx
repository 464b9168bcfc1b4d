import { PlannedPage } from '../../ui/PlannedPage';

export function ImportsPage() {
  return (
    <PlannedPage
      title="Imports"
      summary="Bring in Excel and CSV exports: sellers, products, orders, daily performance and livestreams."
      arrivesWith="the import pipeline"
      capabilities={[
        'Upload a workbook or CSV, pick the sheet and header row, and review how columns were matched.',
        'Save column mappings per export source so the next import of the same kind needs no setup.',
        'See every invalid row with its row number, column, value and reason before anything is loaded.',
        'Load all or nothing, or load the valid rows and download the rejected ones as CSV.',
        'Browse the import history; importing the same file twice never loads it twice.',
      ]}
    />
  );
}
