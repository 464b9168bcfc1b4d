// React-query hooks for alerts and alert rules. Any change (acknowledge, resolve, a rule, a scan)
// refreshes every alerts query — the Overview's panel and the Settings tabs alike — and the audit log.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acknowledgeAlert,
  createAlertRule,
  deleteAlertRule,
  fetchAlertRuleOptions,
  fetchAlertRules,
  fetchAlerts,
  fetchCampaignDays,
  resolveAlert,
  saveCampaignDays,
  scanAlerts,
  updateAlertRule,
  type AlertQuery,
  type AlertRuleDraft,
} from './alerts-api';

const alertsKey = ['alerts'] as const;
const rulesKey = ['alert-rules'] as const;

/** Alerts for a status filter and page; the previous page stays on screen while the next loads. */
export function useAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: [...alertsKey, query],
    queryFn: ({ signal }) => fetchAlerts(query, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidating<A, R>(work: (args: A) => Promise<R>, keys: readonly (readonly string[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: work,
    onSuccess: () => Promise.all([...keys, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useAlertAction() {
  return useInvalidating(({ id, action }: { id: number; action: 'acknowledge' | 'resolve' }) =>
    action === 'acknowledge' ? acknowledgeAlert(id) : resolveAlert(id), [alertsKey]);
}

export const useScanAlerts = () => useInvalidating(() => scanAlerts(), [alertsKey]);

export function useAlertRules() {
  return useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => fetchAlertRules(signal) });
}

export function useAlertRuleOptions() {
  return useQuery({ queryKey: [...rulesKey, 'options'], queryFn: ({ signal }) => fetchAlertRuleOptions(signal), staleTime: 60_000 });
}

export const useCreateAlertRule = () => useInvalidating((draft: AlertRuleDraft) => createAlertRule(draft), [rulesKey]);
export const useUpdateAlertRule = () =>
  useInvalidating(({ id, draft }: { id: number; draft: AlertRuleDraft }) => updateAlertRule(id, draft), [rulesKey]);
export const useDeleteAlertRule = () => useInvalidating((id: number) => deleteAlertRule(id), [rulesKey, alertsKey]);

const campaignKey = ['campaign-days'] as const;

export function useCampaignDays() {
  return useQuery({ queryKey: campaignKey, queryFn: ({ signal }) => fetchCampaignDays(signal) });
}

export const useSaveCampaignDays = () => useInvalidating((days: { date: string; label: string }[]) => saveCampaignDays(days), [campaignKey]);
