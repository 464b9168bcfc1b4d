/**
 * Gaps & opportunities: the rule catalog, the ranked list, users' decisions (dismiss, snooze,
 * restore) and the actions (create task, log contact). The module's public face for the server
 * and the CLI; the evaluation itself runs with the segments recompute (../segments/recompute.ts).
 */
export { RULES, getRule, isRuleId } from './rule-catalog.ts';
export { RULE_IDS, SEVERITIES, type EvidenceField, type EvidenceFormat, type OpportunityRule, type RuleId, type Severity, type SubjectKind, type Threshold } from './rule-types.ts';
export { listOpportunities, getOpportunity, OPPORTUNITY_STATUSES, type Opportunity, type OpportunityFilter, type OpportunityPage, type OpportunityStatus, type OpportunityDecision } from './opportunity-list.ts';
export { dismissOpportunity, snoozeOpportunity, restoreOpportunity, MAX_SNOOZE_DAYS, type OpportunityRef } from './opportunity-decisions.ts';
export {
  createTaskFromOpportunity,
  logContactFromOpportunity,
  TASK_PRIORITIES,
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  type TaskInput,
  type ContactInput,
  type CreatedTask,
  type LoggedContact,
  type TaskPriority,
  type ContactChannel,
  type ContactDirection,
} from './opportunity-actions.ts';
