// One opportunity: severity and rule, the seller (linked to its page) or subcategory with its
// segments and owner, the estimated upside, the reason in plain words, the evidence numbers, and —
// for analysts and up — create task, log contact, snooze, dismiss (or restore).
import { Anchor, Badge, Box, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { lifecycleColor, lifecycleLabel, liveStatusColor, liveStatusLabel } from '../sellers/seller-labels';
import type { Opportunity, RuleInfo } from './opportunities-api';
import { decisionLine, evidenceItems, severityColor, severityLabel, upsideLabel } from './opportunity-format';
import classes from './OpportunitiesPage.module.css';

export type OpportunityAction = 'task' | 'contact' | 'snooze' | 'dismiss' | 'restore';

export interface OpportunityCardProps {
  opportunity: Opportunity;
  rank: number;
  rule: RuleInfo | undefined;
  currency: string;
  canWrite: boolean;
  busy: boolean;
  onAction: (action: OpportunityAction, opportunity: Opportunity) => void;
}

function Subject({ o }: { o: Opportunity }) {
  if (o.sellerId) {
    return (
      <Anchor component={Link} to={`/sellers/${encodeURIComponent(o.sellerId)}`} fw={600} size="md" className={classes.subject} data-testid="opportunity-seller">
        {o.sellerName ?? o.sellerId}
      </Anchor>
    );
  }
  return (
    <Text fw={600} size="md" className={classes.subject}>
      {o.subcategoryName ?? o.subcategoryId} <Text span size="sm" c="dimmed" fw={400}>subcategory</Text>
    </Text>
  );
}

export function OpportunityCard({ opportunity: o, rank, rule, currency, canWrite, busy, onAction }: OpportunityCardProps) {
  const evidence = evidenceItems(o, rule, currency);
  const decision = decisionLine(o);
  const decided = o.status !== 'open';
  return (
    <Box component="article" className={classes.card} data-testid="opportunity" data-rule={o.rule} data-key={o.key} aria-label={`${o.title}: ${o.sellerName ?? o.subcategoryName ?? o.subject}`}>
      <div className={classes.cardHead}>
        <Group gap={8} wrap="nowrap" align="center" miw={0}>
          <Text size="xs" c="dimmed" className={classes.rank}>
            {rank}
          </Text>
          <Badge color={severityColor[o.severity]} variant={o.severity === 'low' ? 'light' : 'filled'} radius="sm" size="sm">
            {severityLabel[o.severity]}
          </Badge>
          <Text size="sm" fw={500} c="dimmed" className={classes.ruleTitle}>
            {o.title}
          </Text>
        </Group>
        <Text className={classes.upside} fw={700} c={o.upside === null ? 'dimmed' : 'teal.8'} data-testid="opportunity-upside">
          {upsideLabel(o.upside, currency)}
          {o.upside !== null ? (
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              per 4 weeks
            </Text>
          ) : null}
        </Text>
      </div>
      <Group gap={8} mt={6} wrap="wrap" align="center">
        <Subject o={o} />
        {o.tier ? (
          <Badge variant="outline" color="dark" radius="sm" size="sm" title="Aisle tier (GMV percentile)">
            Tier {o.tier}
          </Badge>
        ) : null}
        {o.lifecycle ? (
          <Badge variant="light" color={lifecycleColor(o.lifecycle)} radius="sm" size="sm">
            {lifecycleLabel(o.lifecycle)}
          </Badge>
        ) : null}
        {o.liveStatus ? (
          <Badge variant="light" color={liveStatusColor(o.liveStatus)} radius="sm" size="sm">
            {liveStatusLabel(o.liveStatus)}
          </Badge>
        ) : null}
        {o.sellerId ? (
          <Text size="xs" c="dimmed">
            {o.ownerName ? `Owner ${o.ownerName}` : 'No owner'}
            {o.subcategoryName ? ` · ${o.subcategoryName}` : ''}
          </Text>
        ) : null}
      </Group>
      <Text size="sm" mt={8} className={classes.reason} data-testid="opportunity-reason">
        {o.reason}
      </Text>
      {evidence.length ? (
        <dl className={classes.evidence} data-testid="opportunity-evidence">
          {evidence.map((item) => (
            <div key={item.name} className={classes.evidenceItem}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {decision ? (
        <Text size="xs" c="dimmed" mt={6} data-testid="opportunity-decision">
          {decision}
        </Text>
      ) : null}
      {canWrite ? (
        <Group gap="xs" mt="sm" className={classes.actions}>
          {o.openTaskId !== null ? (
            <Badge variant="light" color="indigo" radius="sm" size="lg" tt="none" fw={500} data-testid="opportunity-task">
              Task #{o.openTaskId} open
            </Badge>
          ) : (
            <Button size="compact-sm" variant="filled" onClick={() => onAction('task', o)} disabled={busy}>
              Create task
            </Button>
          )}
          {o.sellerId ? (
            <Button size="compact-sm" variant="default" onClick={() => onAction('contact', o)} disabled={busy}>
              Log contact
            </Button>
          ) : null}
          {decided ? (
            <Button size="compact-sm" variant="subtle" onClick={() => onAction('restore', o)} loading={busy}>
              Restore
            </Button>
          ) : (
            <>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onAction('snooze', o)} disabled={busy}>
                Snooze
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onAction('dismiss', o)} disabled={busy}>
                Dismiss
              </Button>
            </>
          )}
        </Group>
      ) : null}
    </Box>
  );
}
