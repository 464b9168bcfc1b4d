import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  fetchImports,
  previewImport,
  previewRecording,
  runImport,
  uploadFile,
  type ImportRequest,
} from './imports-api';

const historyKey = ['imports'] as const;

export function useImportHistory() {
  return useQuery({ queryKey: historyKey, queryFn: ({ signal }) => fetchImports(signal) });
}

/** The upload and how far it got (0–1), for a progress bar. */
export function useUpload() {
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile(file, setProgress);
    },
  });
  return { ...mutation, progress };
}

/**
 * The preview of the current choices. Each change of a choice is a new request; the previous
 * answer stays on screen while the next loads, so the mapping table does not flicker away.
 */
export function useImportPreview(request: ImportRequest | null) {
  return useQuery({
    queryKey: ['import-preview', request],
    queryFn: () => {
      if (!request) throw new Error('useImportPreview ran without a request');
      return previewImport(request);
    },
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The preview of a live event recording (its own shape: events and malformed lines, no mapping). */
export function useRecordingPreview(request: ImportRequest | null) {
  return useQuery({
    queryKey: ['import-preview', request],
    queryFn: () => {
      if (!request) throw new Error('useRecordingPreview ran without a request');
      return previewRecording(request);
    },
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** A load changes the history and every number derived from the data (the Overview). */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: historyKey }),
        queryClient.invalidateQueries({ queryKey: ['overview'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
        queryClient.invalidateQueries({ queryKey: ['livestreams', 'observed'] }),
      ]),
  });
}
