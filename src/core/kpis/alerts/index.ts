/**
 * Alerts: the anomaly detector and threshold rules over the metric catalog, the alerts they raise
 * (with their drivers), and the campaign calendar that keeps planned peaks from raising any.
 * This is the module's public face for the server and the CLI.
 */
import type { Database } from '../../db/database.ts';
import type { ImportResult } from '../../ingest/import-types.ts';
import { scanAlerts, type ScanSummary } from './scan-alerts.ts';

export { scanAlerts, getLastScan, LAST_SCAN_KEY, type ScanOptions, type ScanSummary, type LastScan } from './scan-alerts.ts';
export { listAlerts, getAlert, acknowledgeAlert, resolveAlert, type Alert, type AlertFilter, type AlertCounts } from './alert-store.ts';
export {
  listAlertRules,
  getAlertRule,
  createAlertRule,
  updateAlertRule,
  deleteAlertRule,
  COMPARATORS,
  RULE_GRAINS,
  type AlertRule,
  type AlertRuleInput,
  type Comparator,
  type RuleKind,
} from './alert-rules.ts';
export { alertRuleOptions, type AlertRuleOptions } from './alert-rule-options.ts';
export { campaignCalendar, getExtraCampaignDays, setExtraCampaignDays, type CampaignCalendar } from './campaign-days.ts';
export type { CampaignDay } from './campaign-calendar.ts';
export { ALERT_STATUSES, SEVERITIES, type AlertExplanation, type AlertStatus, type Contribution, type Movement, type Severity } from './alert-types.ts';

/** Whether an import changed data an alert scan should look at. */
export function importChangedData(result: Pick<ImportResult, 'status' | 'rowsLoaded' | 'duplicateOf'>): boolean {
  return result.status === 'loaded' && result.rowsLoaded > 0 && result.duplicateOf === null;
}

/**
 * A scan that never throws: after an import (which has already committed) or on a schedule, a
 * failing scan is reported to `onError` and the caller carries on.
 */
export async function scanQuietly(db: Database, reason: string, onError: (error: unknown) => void): Promise<ScanSummary | null> {
  try {
    return await scanAlerts(db, { reason });
  } catch (error) {
    onError(error);
    return null;
  }
}
