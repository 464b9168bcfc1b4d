// `/api/opportunities`: the ranked gaps & opportunities, the rule catalog and filter values, and
// what analysts and up do with an opportunity (dismiss, snooze, restore, create a task, log a
// contact). An opportunity is addressed by its rule and subject (`seller:123`).
import { apiGet, apiSend } from '../../ui/api';

export type OpportunityStatus = 'open' | 'snoozed' | 'dismissed';
export type Severity = 'high' | 'medium' | 'low';
export type EvidenceFormat = 'money' | 'percent' | 'count' | 'number' | 'days' | 'date' | 'text';

export interface Opportunity {
  key: string;
  rule: string;
  title: string;
  subject: string;
  subjectKind: 'seller' | 'subcategory';
  sellerId: string | null;
  sellerName: string | null;
  subcategoryId: string | null;
  subcategoryName: string | null;
  tier: string | null;
  lifecycle: string | null;
  liveStatus: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  reason: string;
  evidence: Record<string, string | number | null>;
  upside: number | null;
  severity: Severity;
  score: number;
  status: OpportunityStatus;
  decision: { status: 'snoozed' | 'dismissed'; until: string | null; reason: string; by: string; at: string } | null;
  openTaskId: number | null;
  computedAt: string;
}

export interface LastRecompute {
  at: string;
  reason: string;
  asOf: string | null;
  sellers: number;
  opportunities: Record<string, number>;
  seconds: number;
}

export interface OpportunityPage {
  opportunities: Opportunity[];
  total: number;
  totalUpside: number;
  counts: Record<OpportunityStatus, number>;
  today: string;
  currency: string;
  lastRecompute: LastRecompute | null;
}

export interface RuleInfo {
  id: string;
  title: string;
  subject: 'seller' | 'subcategory';
  severity: Severity;
  reason: string;
  upside: string | null;
  tiers: string[] | null;
  thresholds: { name: string; label: string; default: number; unit: string }[];
  evidence: { name: string; label: string; format: EvidenceFormat }[];
}

export interface OpportunityOptions {
  rules: RuleInfo[];
  tiers: string[];
  subcategories: { id: string; name: string; category: string | null }[];
  owners: { id: number; name: string }[];
  channels: string[];
  priorities: string[];
}

export interface OpportunityQuery {
  status: OpportunityStatus;
  rule?: string;
  subcategory?: string;
  tier?: string;
  owner?: string;
  minUpside?: number;
  limit: number;
  offset: number;
}

export interface TaskDraft {
  title: string;
  description: string;
  dueAt: string | null;
  priority: string;
  owner: string | null;
}

export interface ContactDraft {
  channel: string;
  direction: 'inbound' | 'outbound';
  subject: string;
  summary?: string;
  outcome?: string;
  nextAction?: string;
  dueAt?: string | null;
}

export function fetchOpportunities(query: OpportunityQuery, signal?: AbortSignal): Promise<OpportunityPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return apiGet<OpportunityPage>(`/api/opportunities?${params.toString()}`, signal);
}

export function fetchOpportunityOptions(signal?: AbortSignal): Promise<OpportunityOptions> {
  return apiGet<OpportunityOptions>('/api/opportunities/options', signal);
}

function path(o: Pick<Opportunity, 'rule' | 'subject'>, action: string): string {
  return `/api/opportunities/${encodeURIComponent(o.rule)}/${encodeURIComponent(o.subject)}/${action}`;
}

export async function dismissOpportunity(o: Opportunity, reason: string): Promise<Opportunity> {
  return (await apiSend<{ opportunity: Opportunity }>('POST', path(o, 'dismiss'), { reason })).opportunity;
}

export async function snoozeOpportunity(o: Opportunity, until: string, reason: string): Promise<Opportunity> {
  return (await apiSend<{ opportunity: Opportunity }>('POST', path(o, 'snooze'), { until, reason })).opportunity;
}

export async function restoreOpportunity(o: Opportunity): Promise<Opportunity> {
  return (await apiSend<{ opportunity: Opportunity }>('POST', path(o, 'restore'), undefined)).opportunity;
}

export async function createOpportunityTask(o: Opportunity, draft: TaskDraft): Promise<{ id: number; title: string }> {
  return (await apiSend<{ task: { id: number; title: string } }>('POST', path(o, 'task'), draft)).task;
}

export async function logOpportunityContact(o: Opportunity, draft: ContactDraft): Promise<{ id: number }> {
  return (await apiSend<{ contact: { id: number } }>('POST', path(o, 'contact'), draft)).contact;
}
