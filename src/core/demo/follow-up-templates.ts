/**
 * Made-up texts for the demo's follow-up work — what a category team writes after calls, in task
 * trackers and in review notes. Kept apart from the SQL so the wording can be read and changed
 * without touching the generator. `{shop}` is replaced by the seller's shop name.
 */

export interface CommunicationTopic {
  subject: string;
  summary: string;
  outcome: string;
  nextAction: string | null;
  direction: 'inbound' | 'outbound';
}

export const COMMUNICATION_TOPICS: readonly CommunicationTopic[] = [
  {
    subject: 'Monthly business review',
    summary: 'Reviewed last month GMV, live share and top SKUs with the seller; discussed the gap to target.',
    outcome: 'Agreed a GMV target for next month and two extra live sessions per week.',
    nextAction: 'Send the target sheet and live schedule template',
    direction: 'outbound',
  },
  {
    subject: 'Campaign readiness check',
    summary: 'Checked stock depth, vouchers and the live schedule for the next double-day campaign.',
    outcome: 'Seller confirmed stock for the hero SKUs; voucher setup still pending.',
    nextAction: 'Confirm voucher setup in Seller Center',
    direction: 'outbound',
  },
  {
    subject: 'Livestream coaching follow-up',
    summary: 'Went through the last session review: opening hook, product rotation and pinning.',
    outcome: 'Host will open with the best offer and recap every 15 minutes.',
    nextAction: 'Review the next session with the rubric',
    direction: 'outbound',
  },
  {
    subject: 'Onboarding check-in',
    summary: 'Walked through listing quality, shipping settings and how to schedule a first LIVE.',
    outcome: 'Seller needs help with product photos and size charts.',
    nextAction: 'Share the listing quality guide',
    direction: 'outbound',
  },
  {
    subject: 'Late shipments',
    summary: 'Seller reported late pick-ups from their warehouse during the last campaign.',
    outcome: 'Agreed a ship-on-time plan with an extra pick-up slot on peak days.',
    nextAction: 'Check ship-on-time rate next week',
    direction: 'inbound',
  },
  {
    subject: 'Ratings and return reasons',
    summary: 'Discussed recent low ratings; most returns cite size or colour not as described.',
    outcome: 'Seller will update descriptions and add real photos.',
    nextAction: 'Re-check store rating in two weeks',
    direction: 'outbound',
  },
  {
    subject: 'Creator collaboration proposal',
    summary: 'Proposed pairing with creators in the category for short videos and co-hosted LIVEs.',
    outcome: 'Seller is interested; waiting for their marketing budget.',
    nextAction: 'Send a shortlist of creators',
    direction: 'outbound',
  },
  {
    subject: 'Question about claims policy',
    summary: 'Seller asked which product claims are allowed for personal care in LIVE and on listings.',
    outcome: 'Explained the policy and shared the help article.',
    nextAction: null,
    direction: 'inbound',
  },
];

export const COMMUNICATION_CHANNELS = ['call', 'meeting', 'email', 'chat', 'on_site'] as const;
export const COMMUNICATION_CHANNEL_WEIGHTS = [0.3, 0.2, 0.2, 0.25, 0.05];

export interface TaskTemplate {
  title: string;
  description: string;
  tags: readonly string[];
  source: 'manual' | 'opportunity' | 'alert' | 'review' | 'communication';
}

export const SELLER_TASKS: readonly TaskTemplate[] = [
  {
    title: 'Prepare campaign plan with {shop}',
    description: 'Hero SKUs, vouchers and live slots for the next double-day.',
    tags: ['campaign'],
    source: 'manual',
  },
  {
    title: 'Follow up on livestream review for {shop}',
    description: 'Share the rubric scores and agree one thing to improve.',
    tags: ['livestream', 'coaching'],
    source: 'review',
  },
  {
    title: 'Check stock before payday: {shop}',
    description: 'Hero SKUs should cover at least two weeks of sales.',
    tags: ['stock'],
    source: 'manual',
  },
  {
    title: 'Complete the seller profile of {shop}',
    description: 'Missing contact, region or category in the registry.',
    tags: ['profile'],
    source: 'opportunity',
  },
  {
    title: 'Pitch livestream onboarding to {shop}',
    description: 'Strong GMV but no LIVE yet; propose a first session with coaching.',
    tags: ['livestream', 'opportunity'],
    source: 'opportunity',
  },
  {
    title: 'Send monthly performance report to {shop}',
    description: 'GMV, orders, live share and rating against last month.',
    tags: ['report'],
    source: 'manual',
  },
  {
    title: 'Investigate GMV drop at {shop}',
    description: 'Daily GMV well below its usual level; call the seller.',
    tags: ['gmv', 'alert'],
    source: 'alert',
  },
  {
    title: 'Confirm next steps agreed with {shop}',
    description: 'Follow-up from the last call.',
    tags: ['follow-up'],
    source: 'communication',
  },
];

export const TEAM_TASKS: readonly TaskTemplate[] = [
  {
    title: 'Weekly category report',
    description: 'Build and send the weekly report to the category lead.',
    tags: ['report'],
    source: 'manual',
  },
  {
    title: 'Update KPI targets for next month',
    description: 'GMV, live GMV share and seller adoption targets.',
    tags: ['kpi'],
    source: 'manual',
  },
  {
    title: 'Calibrate the livestream rubric with reviewers',
    description: 'Score three sessions together and compare.',
    tags: ['livestream', 'rubric'],
    source: 'manual',
  },
  {
    title: 'Clean up sellers with missing subcategory',
    description: 'Fill subcategory for sellers imported without one.',
    tags: ['profile'],
    source: 'manual',
  },
];

export const TASK_STATUSES = ['todo', 'doing', 'waiting', 'done'] as const;
export const TASK_STATUS_WEIGHTS = [0.35, 0.25, 0.1, 0.3];
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_PRIORITY_WEIGHTS = [0.15, 0.55, 0.22, 0.08];
