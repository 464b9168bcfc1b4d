// Step 2: how the uploaded file reads. Reading options, the column mapping, what is still missing,
// the first parsed rows with their errors, and the load button with its conditions.
import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, formatCountOf } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { describeMissing, loadBlock, mappedColumns, rowsToLoad, SELLER_MISSING } from './import-choices';
import type { ImportPreview } from './imports-api';
import { MappingTable } from './MappingTable';
import { PreviewRowsTable } from './PreviewRowsTable';
import { ReadOptions } from './ReadOptions';
import type { DraftAction, ImportDraft } from './use-import-draft';
import type { useImportPreview } from './use-imports';
import classes from './PreviewPanel.module.css';

export interface PreviewPanelProps {
  draft: ImportDraft;
  preview: ReturnType<typeof useImportPreview>;
  dispatch: (action: DraftAction) => void;
  onLoad: () => void;
  loading: boolean;
  loadError: unknown;
}

export function PreviewPanel({ draft, preview, dispatch, onLoad, loading, loadError }: PreviewPanelProps) {
  const data = preview.data;
  return (
    <Card data-testid="import-preview">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <div>
            <Group gap={8}>
              <Text fw={600} size="sm" data-testid="import-file-name">
                {draft.upload.file}
              </Text>
              {preview.isFetching ? <Loader size="xs" aria-label="Reading the file" /> : null}
            </Group>
            <Text size="xs" c="dimmed">
              Check how the file reads. Nothing is loaded until you confirm.
            </Text>
          </div>
          <Button size="xs" variant="subtle" color="gray" onClick={() => dispatch({ type: 'discard' })}>
            Start over
          </Button>
        </Group>
        <ReadOptions request={draft.request} preview={data} dispatch={dispatch} />
        {preview.isError ? (
          <ErrorPanel
            title="The file could not be read this way"
            error={preview.error}
            onRetry={() => void preview.refetch()}
            retrying={preview.isFetching}
          />
        ) : null}
        {data ? (
          <div className={preview.isPlaceholderData ? classes.stale : undefined}>
            <PreviewBody
              preview={data}
              skipInvalid={draft.skipInvalid}
              busy={preview.isFetching || loading}
              dispatch={dispatch}
              onLoad={onLoad}
              loading={loading}
              loadError={loadError}
            />
          </div>
        ) : preview.isPending ? (
          <Text size="sm" c="dimmed">
            Reading the file…
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

interface PreviewBodyProps {
  preview: ImportPreview;
  skipInvalid: boolean;
  busy: boolean;
  dispatch: (action: DraftAction) => void;
  onLoad: () => void;
  loading: boolean;
  loadError: unknown;
}

function PreviewBody({ preview, skipInvalid, busy, dispatch, onLoad, loading, loadError }: PreviewBodyProps) {
  const block = loadBlock(preview, skipInvalid);
  const columns = mappedColumns(preview);
  return (
    <Stack gap="md">
      <Text fw={600} size="sm">
        Columns
      </Text>
      <MappingTable
        columns={preview.columns}
        fields={preview.fields}
        disabled={busy}
        onChange={(header, field) => dispatch({ type: 'column', header, field })}
      />
      {preview.missingRequired.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title="Required fields without a column"
          data-testid="missing-required"
        >
          <Text size="sm">
            Choose the column that holds each of these
            {preview.missingRequired.includes(SELLER_MISSING)
              ? ' — or, for an export of one shop, type its seller in “Seller for every row” above'
              : ''}
            :
          </Text>
          <Group gap={6} mt={6}>
            {preview.missingRequired.map((missing) => (
              <Badge key={missing} color="orange" variant="outline" radius="sm">
                {describeMissing(missing, preview.fields)}
              </Badge>
            ))}
          </Group>
        </Alert>
      ) : (
        <>
          <Group justify="space-between" align="baseline" gap="sm">
            <Text fw={600} size="sm">
              First rows
            </Text>
            <Group gap="md" data-testid="preview-counts">
              <Count value={preview.rowsRead} one="row read" many="rows read" />
              <Count value={preview.rowsSkipped} one="blank row skipped" many="blank rows skipped" />
              <Count
                value={preview.rowsRejected}
                one="row with errors"
                many="rows with errors"
                alert={preview.rowsRejected > 0}
              />
            </Group>
          </Group>
          {preview.rows.length > 0 ? (
            <PreviewRowsTable columns={columns} rows={preview.rows} />
          ) : (
            <Text size="sm" c="dimmed">
              The file has no data rows below the header.
            </Text>
          )}
        </>
      )}
      <FormError error={loadError} />
      <Group justify="flex-end" gap="md" wrap="wrap" data-testid="load-bar">
        {preview.rowsRejected > 0 && preview.missingRequired.length === 0 ? (
          <Checkbox
            label={`Skip the ${formatCountOf(preview.rowsRejected, 'invalid row')} and load the rest`}
            checked={skipInvalid}
            onChange={(event) => dispatch({ type: 'skipInvalid', skipInvalid: event.currentTarget.checked })}
          />
        ) : null}
        <Button
          onClick={onLoad}
          disabled={block !== null || busy}
          loading={loading}
          data-testid="load-button"
        >
          {loadLabel(preview, skipInvalid)}
        </Button>
      </Group>
    </Stack>
  );
}

function loadLabel(preview: ImportPreview, skipInvalid: boolean): string {
  if (preview.missingRequired.length > 0) return 'Map the required fields first';
  if (loadBlock(preview, skipInvalid) === 'invalid-rows') {
    return 'Nothing can load until fixed';
  }
  return `Load ${formatCountOf(rowsToLoad(preview, skipInvalid), 'row')}`;
}

interface CountProps {
  value: number;
  one: string;
  many: string;
  alert?: boolean;
}

function Count({ value, one, many, alert = false }: CountProps) {
  return (
    <Text size="xs" c={alert ? 'red.8' : 'dimmed'}>
      <Text span fw={600} size="xs" c={alert ? 'red.8' : 'dark.6'}>
        {formatCount(value)}
      </Text>{' '}
      {value === 1 ? one : many}
    </Text>
  );
}
