// The import of one file, in three steps on one card: upload, check how it reads, see the result.
// The server does the reading; this keeps the user's choices and shows each answer.
import { useState } from 'react';
import type { ImportKind, ImportRecord, ImportResult } from './imports-api';
import { ImportResultPanel } from './ImportResultPanel';
import { isRecordingKind } from './import-choices';
import { PreviewPanel } from './PreviewPanel';
import { RecordingPreviewPanel } from './RecordingPreviewPanel';
import { UploadPanel } from './UploadPanel';
import { useImportDraft } from './use-import-draft';
import { useImportPreview, useRecordingPreview, useRunImport, useUpload } from './use-imports';

export function ImportWizard({ history }: { history: readonly ImportRecord[] | undefined }) {
  const [kind, setKind] = useState<ImportKind>('orders');
  const [draft, dispatch] = useImportDraft();
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useUpload();
  const recording = draft !== null && isRecordingKind(draft.request.kind);
  const preview = useImportPreview(draft && !recording ? draft.request : null);
  const recordingPreview = useRecordingPreview(draft && recording ? draft.request : null);
  const run = useRunImport();

  if (result) {
    return (
      <ImportResultPanel
        result={result}
        original={history?.find((record) => record.id === result.duplicateOf)}
        onDone={() => {
          setResult(null);
          run.reset();
          upload.reset();
          dispatch({ type: 'discard' });
        }}
      />
    );
  }
  if (draft && recording) {
    return (
      <RecordingPreviewPanel
        draft={draft}
        preview={recordingPreview}
        dispatch={(action) => {
          run.reset();
          dispatch(action);
        }}
        onLoad={() =>
          run.mutate({ ...draft.request, skipInvalid: draft.skipInvalid }, { onSuccess: setResult })
        }
        loading={run.isPending}
        loadError={run.error}
      />
    );
  }
  if (draft) {
    return (
      <PreviewPanel
        draft={draft}
        preview={preview}
        dispatch={(action) => {
          run.reset();
          dispatch(action);
        }}
        onLoad={() =>
          run.mutate({ ...draft.request, skipInvalid: draft.skipInvalid }, { onSuccess: setResult })
        }
        loading={run.isPending}
        loadError={run.error}
      />
    );
  }
  return (
    <UploadPanel
      kind={kind}
      onKindChange={setKind}
      uploading={upload.isPending}
      progress={upload.progress}
      error={upload.error}
      onFile={(file) =>
        upload.mutate(file, {
          onSuccess: (uploaded) => dispatch({ type: 'uploaded', upload: uploaded, kind }),
        })
      }
    />
  );
}
