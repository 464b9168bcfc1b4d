import { describe, expect, it } from 'vitest';
import { acceptedFiles, isRecordingKind, kindHasSeller, kindLabel } from './import-choices';
import { draftReducer, type ImportDraft } from './use-import-draft';

const upload = { uploadId: 'u-1', file: 'room.jsonl', size: 10 };

describe('live event recordings on the Imports page', () => {
  it('offers .jsonl files for recordings and spreadsheets for the other kinds', () => {
    expect(acceptedFiles('live_events')).toBe('.jsonl,.ndjson');
    expect(acceptedFiles('orders')).toBe('.xlsx,.csv');
    expect(isRecordingKind('live_events')).toBe(true);
    expect(kindHasSeller('live_events')).toBe(false);
    expect(kindLabel('live_events')).toBe('Live event recording (.jsonl)');
  });

  it('keeps the session typed for a recording, and drops it when the kind changes', () => {
    let draft: ImportDraft | null = draftReducer(null, { type: 'uploaded', upload, kind: 'live_events' });
    draft = draftReducer(draft, { type: 'livestream', livestream: '  room-7301 ' });
    expect(draft?.request).toEqual({ uploadId: 'u-1', kind: 'live_events', livestream: 'room-7301' });
    expect(draftReducer(draft, { type: 'livestream', livestream: ' ' })?.request).toEqual({
      uploadId: 'u-1',
      kind: 'live_events',
    });
    expect(draftReducer(draft, { type: 'kind', kind: 'livestreams' })?.request).toEqual({
      uploadId: 'u-1',
      kind: 'livestreams',
    });
  });
});
