// `GET /api/audit` (admin): who changed what and when, newest first, filtered and paged on the server.
import { apiGet, withQuery } from '../../ui/api';

export type AuditValues = Record<string, unknown>;

export interface AuditEntry {
  id: number;
  at: string;
  /** The e-mail of who did it. */
  actor: string;
  /** `create`, `update`, `delete`, `login`, `logout`, … */
  action: string;
  /** `note`, `user`, `api_token`, `settings`, … */
  entity: string;
  entityId: string | null;
  before: AuditValues | null;
  after: AuditValues | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export interface AuditFilters {
  user: string | null;
  entity: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  to: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** The kinds of records the log knows about, for the filter; the log may hold more. */
export const AUDIT_ENTITIES: readonly { value: string; label: string }[] = [
  { value: 'note', label: 'Notes' },
  { value: 'user', label: 'Users' },
  { value: 'api_token', label: 'API tokens' },
  { value: 'session', label: 'Sign-ins' },
  { value: 'settings', label: 'Settings' },
];

export function fetchAudit(filters: AuditFilters, page: number, signal?: AbortSignal): Promise<AuditPage> {
  const path = withQuery('/api/audit', {
    ...filters,
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  return apiGet<AuditPage>(path, signal);
}
