// `GET /api/health`: is the server up, and which version and schema is it running.
import { apiGet } from '../../ui/api';

export interface Health {
  status: 'ok';
  version: string;
  schemaVersion: number;
}

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return apiGet<Health>('/api/health', signal);
}
