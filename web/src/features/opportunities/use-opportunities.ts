// React-query hooks for opportunities. Every action refreshes the list (an opportunity moves
// between open, snoozed and dismissed, or shows its new task) and the audit log.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createOpportunityTask,
  dismissOpportunity,
  fetchOpportunities,
  fetchOpportunityOptions,
  logOpportunityContact,
  restoreOpportunity,
  snoozeOpportunity,
  type ContactDraft,
  type Opportunity,
  type OpportunityQuery,
  type TaskDraft,
} from './opportunities-api';

export const opportunitiesKey = ['opportunities'] as const;

export function useOpportunities(query: OpportunityQuery) {
  return useQuery({
    queryKey: [...opportunitiesKey, query],
    queryFn: ({ signal }) => fetchOpportunities(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunityOptions() {
  return useQuery({ queryKey: [...opportunitiesKey, 'options'], queryFn: ({ signal }) => fetchOpportunityOptions(signal), staleTime: 60_000 });
}

function useOpportunityMutation<A, R>(work: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: work,
    onSuccess: () => Promise.all([opportunitiesKey, ['audit'], ['sellers']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export type Decision = { kind: 'dismiss'; reason: string } | { kind: 'snooze'; until: string; reason: string } | { kind: 'restore' };

export const useDecideOpportunity = () =>
  useOpportunityMutation(({ opportunity, decision }: { opportunity: Opportunity; decision: Decision }) => {
    switch (decision.kind) {
      case 'dismiss':
        return dismissOpportunity(opportunity, decision.reason);
      case 'snooze':
        return snoozeOpportunity(opportunity, decision.until, decision.reason);
      case 'restore':
        return restoreOpportunity(opportunity);
      default: {
        const unknown: never = decision;
        throw new Error(`unknown decision ${JSON.stringify(unknown)}`);
      }
    }
  });

export const useCreateOpportunityTask = () =>
  useOpportunityMutation(({ opportunity, draft }: { opportunity: Opportunity; draft: TaskDraft }) => createOpportunityTask(opportunity, draft));

export const useLogOpportunityContact = () =>
  useOpportunityMutation(({ opportunity, draft }: { opportunity: Opportunity; draft: ContactDraft }) => logOpportunityContact(opportunity, draft));
