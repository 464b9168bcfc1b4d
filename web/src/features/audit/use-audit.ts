import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAudit, type AuditFilters } from './audit-api';

/** The page on screen stays while the next one (or another filter) loads. */
export function useAudit(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) => fetchAudit(filters, page, signal),
    placeholderData: keepPreviousData,
  });
}
