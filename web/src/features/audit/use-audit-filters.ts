// The audit log's filters and page live in the URL (`/settings/audit?user=…&entity=note&page=2`),
// so a view of the log can be bookmarked and shared. A new filter starts again at page 1.
import { useSearchParams } from 'react-router';
import type { AuditFilters } from './audit-api';

const FILTER_KEYS = ['user', 'entity', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditView {
  filters: AuditFilters;
  page: number;
  setFilter: (key: keyof AuditFilters, value: string | null) => void;
  setPage: (page: number) => void;
  clear: () => void;
}

export function useAuditFilters(): AuditView {
  const [params, setParams] = useSearchParams();
  const date = (key: 'from' | 'to') => {
    const value = params.get(key);
    return value && DATE.test(value) ? value : null;
  };
  const filters: AuditFilters = {
    user: params.get('user') || null,
    entity: params.get('entity') || null,
    from: date('from'),
    to: date('to'),
  };
  const requestedPage = Number(params.get('page'));
  const page = Number.isInteger(requestedPage) && requestedPage > 1 ? requestedPage : 1;

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );

  return {
    filters,
    page,
    setFilter: (key, value) =>
      update((next) => {
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
      }),
    setPage: (nextPage) =>
      update((next) => {
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
      }),
    clear: () =>
      update((next) => {
        for (const key of [...FILTER_KEYS, 'page']) next.delete(key);
      }),
  };
}
