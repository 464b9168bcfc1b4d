import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchArchive,
  fetchLayout,
  fetchPreview,
  fetchReportOptions,
  fetchSchedules,
  generateReport,
  saveLayout,
  saveSchedule,
  type ReportKind,
  type ReportLayout,
  type ReportSchedule,
} from './reports-api';

export function useReportOptions() {
  return useQuery({ queryKey: ['reports', 'options'], queryFn: ({ signal }) => fetchReportOptions(signal), staleTime: Infinity });
}

export function usePreview(kind: ReportKind, period: string) {
  return useQuery({ queryKey: ['reports', 'preview', kind, period], queryFn: ({ signal }) => fetchPreview(kind, period, signal), placeholderData: keepPreviousData, retry: false });
}

export function useArchive() {
  return useQuery({ queryKey: ['reports', 'archive'], queryFn: ({ signal }) => fetchArchive(signal) });
}

export function useGenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: generateReport, onSettled: () => queryClient.invalidateQueries({ queryKey: ['reports', 'archive'] }) });
}

export function useLayout(kind: ReportKind) {
  return useQuery({ queryKey: ['reports', 'layout', kind], queryFn: ({ signal }) => fetchLayout(kind, signal) });
}

export function useSaveLayout(kind: ReportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (layout: Pick<ReportLayout, 'order' | 'hidden' | 'commentary'>) => saveLayout(kind, layout),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['reports'] }), queryClient.invalidateQueries({ queryKey: ['audit'] })]),
  });
}

export function useSchedules() {
  return useQuery({ queryKey: ['reports', 'schedules'], queryFn: ({ signal }) => fetchSchedules(signal) });
}

export function useSaveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, input }: { kind: ReportKind; input: Pick<ReportSchedule, 'enabled' | 'cron' | 'formats'> }) => saveSchedule(kind, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['reports', 'schedules'] }), queryClient.invalidateQueries({ queryKey: ['audit'] })]),
  });
}
