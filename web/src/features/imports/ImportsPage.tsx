// Imports: bring Excel and CSV exports in (for users who may write), and the history of what was
// imported (for everyone).
import { Stack } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session-context';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';
import { useImportHistory } from './use-imports';

export function ImportsPage() {
  const canWrite = useCan('write');
  const history = useImportHistory();
  return (
    <>
      <PageHeader
        title="Imports"
        description="Sellers, products, orders, daily performance and livestreams from Excel or CSV exports, and recordings of a LIVE's event stream (.jsonl)."
      />
      <Stack gap="xl">
        {canWrite ? <ImportWizard history={history.data} /> : null}
        <ImportHistory history={history} />
      </Stack>
    </>
  );
}
