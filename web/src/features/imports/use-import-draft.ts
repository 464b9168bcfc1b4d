// The choices of one import in progress: the uploaded file, its kind and how to read it. Changing
// the sheet, header row or kind drops the column choices, because they name headers that the new
// reading may not have (the server refuses a mapping for a column that does not exist).
import { useReducer } from 'react';
import { kindHasSeller } from './import-choices';
import type { DateOrder, ImportKind, ImportRequest, UploadedFile } from './imports-api';

export interface ImportDraft {
  upload: UploadedFile;
  request: ImportRequest;
  skipInvalid: boolean;
}

export type DraftAction =
  | { type: 'uploaded'; upload: UploadedFile; kind: ImportKind }
  | { type: 'kind'; kind: ImportKind }
  | { type: 'sheet'; sheet: string }
  | { type: 'headerRow'; headerRow: number | undefined }
  | { type: 'column'; header: string; field: string }
  | { type: 'dateOrder'; dateOrder: DateOrder | undefined }
  | { type: 'year'; year: number | undefined }
  | { type: 'seller'; seller: string | undefined }
  | { type: 'livestream'; livestream: string | undefined }
  | { type: 'skipInvalid'; skipInvalid: boolean }
  | { type: 'discard' };

function withoutMap(request: ImportRequest): ImportRequest {
  const next = { ...request };
  delete next.map;
  return next;
}

export function draftReducer(draft: ImportDraft | null, action: DraftAction): ImportDraft | null {
  if (action.type === 'uploaded') {
    return {
      upload: action.upload,
      request: { uploadId: action.upload.uploadId, kind: action.kind },
      skipInvalid: false,
    };
  }
  if (draft === null || action.type === 'discard') return null;
  const { request } = draft;
  switch (action.type) {
    case 'kind': {
      const next = { ...withoutMap(request), kind: action.kind };
      // Livestream minutes have no seller of their own: a seller typed for another kind would be refused.
      if (!kindHasSeller(action.kind)) delete next.seller;
      if (action.kind !== 'live_events') delete next.livestream;
      return { ...draft, request: next };
    }
    case 'sheet': {
      const next = withoutMap(request);
      delete next.headerRow;
      return { ...draft, request: { ...next, sheet: action.sheet } };
    }
    case 'headerRow':
      return { ...draft, request: { ...withoutMap(request), headerRow: action.headerRow } };
    case 'column':
      return { ...draft, request: { ...request, map: { ...request.map, [action.header]: action.field } } };
    case 'dateOrder':
      return { ...draft, request: { ...request, dateOrder: action.dateOrder } };
    case 'year':
      return { ...draft, request: { ...request, year: action.year } };
    case 'seller': {
      const seller = action.seller?.trim();
      const next = { ...request, seller };
      if (!seller) delete next.seller;
      return { ...draft, request: next };
    }
    case 'livestream': {
      const livestream = action.livestream?.trim();
      const next = { ...request, livestream };
      if (!livestream) delete next.livestream;
      return { ...draft, request: next };
    }
    case 'skipInvalid':
      return { ...draft, skipInvalid: action.skipInvalid };
    default: {
      const unknown: never = action;
      throw new Error(`unknown draft action ${JSON.stringify(unknown)}`);
    }
  }
}

export function useImportDraft() {
  return useReducer(draftReducer, null);
}
