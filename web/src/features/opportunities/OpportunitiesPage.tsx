// Opportunities: the gaps and opportunities in the seller base, ranked by estimated upside in
// money, then severity — each with the reason in plain words and the numbers behind it. Filters
// and the page live in the URL. Analysts and up turn one into a task, log a contact, snooze or
// dismiss it with a reason; everyone reads.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, Anchor, CloseButton, Group, Pagination, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, formatCountOf, formatDate, formatDateTime, formatMoneyCompact } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session-context';
import { ContactModal } from './ContactModal';
import { DecisionModal } from './DecisionModal';
import type { Opportunity, OpportunityPage, OpportunityStatus } from './opportunities-api';
import { hasFilters, PAGE_SIZE, readFilters, toQuery, writeFilters, type OpportunityFilters } from './opportunity-filters';
import { OpportunityCard, type OpportunityAction } from './OpportunityCard';
import { OpportunityFiltersBar } from './OpportunityFiltersBar';
import { TaskModal } from './TaskModal';
import { useDecideOpportunity, useOpportunities, useOpportunityOptions } from './use-opportunities';
import classes from './OpportunitiesPage.module.css';

function useFilters(): [OpportunityFilters, (next: OpportunityFilters) => void] {
  const [params, setParams] = useSearchParams();
  const text = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(text)), [text]);
  const set = useCallback((next: OpportunityFilters) => setParams((current) => writeFilters(current, next), { replace: true }), [setParams]);
  return [filters, set];
}

function Freshness({ data }: { data: OpportunityPage }) {
  const last = data.lastRecompute;
  if (!last?.asOf) return <>No sales or livestream data yet — opportunities are found after the first import.</>;
  return (
    <>
      Found on data to {formatDate(last.asOf)} · recomputed {formatDateTime(last.at)} (after each import and every morning)
    </>
  );
}

const STATUS_LABEL: Record<OpportunityStatus, string> = { open: 'Open', snoozed: 'Snoozed', dismissed: 'Dismissed' };

export function OpportunitiesPage() {
  const [filters, setFilters] = useFilters();
  const query = toQuery(filters);
  const list = useOpportunities(query);
  const options = useOpportunityOptions();
  const canWrite = useCan('write');
  const decide = useDecideOpportunity();
  const [dialog, setDialog] = useState<{ action: Exclude<OpportunityAction, 'restore'>; opportunity: Opportunity } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rules = new Map((options.data?.rules ?? []).map((r) => [r.id, r]));
  const today = list.data?.today ?? new Date().toISOString().slice(0, 10);

  const onAction = (action: OpportunityAction, opportunity: Opportunity) => {
    setNotice(null);
    if (action === 'restore') decide.mutate({ opportunity, decision: { kind: 'restore' } });
    else setDialog({ action, opportunity });
  };
  const close = () => setDialog(null);
  const of = (action: OpportunityAction) => (dialog?.action === action ? dialog.opportunity : null);

  return (
    <>
      <PageHeader title="Opportunities" description="Gaps and growth opportunities across the seller base, largest estimated upside first, each with its reason and evidence." />
      <Stack gap="md">
        <OpportunityFiltersBar filters={filters} options={options.data} onChange={setFilters} />
        {list.data ? <Summary data={list.data} filters={filters} onStatus={(status) => setFilters({ ...filters, status, page: 1 })} /> : null}
        {notice ? (
          <Alert color="teal" variant="light" py="xs" data-testid="opportunity-notice" withCloseButton={false}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{notice}</Text>
              <CloseButton size="sm" onClick={() => setNotice(null)} aria-label="Close" />
            </Group>
          </Alert>
        ) : null}
        {decide.error ? <ErrorPanel title="That did not work" error={decide.error} /> : null}
        <Body
          list={list}
          filters={filters}
          setFilters={setFilters}
          render={(data) => (
            <>
              <div className={classes.list} data-testid="opportunity-list">
                {data.opportunities.map((o, i) => (
                  <OpportunityCard
                    key={o.key}
                    opportunity={o}
                    rank={query.offset + i + 1}
                    rule={rules.get(o.rule)}
                    currency={data.currency}
                    canWrite={canWrite}
                    busy={decide.isPending && decide.variables.opportunity.key === o.key}
                    onAction={onAction}
                  />
                ))}
              </div>
              {data.total > PAGE_SIZE ? (
                <Group justify="center" mt="sm">
                  <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={filters.page} onChange={(page) => setFilters({ ...filters, page })} size="sm" />
                </Group>
              ) : null}
            </>
          )}
        />
      </Stack>
      <DecisionModal kind={dialog?.action === 'snooze' ? 'snooze' : 'dismiss'} opportunity={of('dismiss') ?? of('snooze')} today={today} onClose={close} />
      <TaskModal
        opportunity={of('task')}
        today={today}
        priorities={options.data?.priorities ?? ['low', 'normal', 'high', 'urgent']}
        owners={options.data?.owners ?? []}
        onClose={close}
        onCreated={(task) => setNotice(`Task #${task.id} created: ${task.title}.`)}
      />
      <ContactModal
        opportunity={of('contact')}
        today={today}
        channels={options.data?.channels ?? ['call', 'meeting', 'email', 'chat', 'on_site']}
        onClose={close}
        onLogged={() => setNotice('Contact logged.')}
      />
    </>
  );
}

function Summary({ data, filters, onStatus }: { data: OpportunityPage; filters: OpportunityFilters; onStatus: (status: OpportunityStatus) => void }) {
  return (
    <div className={classes.summary}>
      <Stack gap={2}>
        <Text size="sm" fw={600} data-testid="opportunity-summary">
          {formatCountOf(data.total, `${filters.status === 'open' ? '' : `${filters.status} `}opportunity`, `${filters.status === 'open' ? '' : `${filters.status} `}opportunities`)}
          {data.totalUpside > 0 ? ` · ≈ ${formatMoneyCompact(data.totalUpside, data.currency)} estimated upside per 4 weeks` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          <Freshness data={data} />
        </Text>
      </Stack>
      <SegmentedControl
        size="xs"
        value={filters.status}
        onChange={(value) => onStatus(value as OpportunityStatus)}
        data={(['open', 'snoozed', 'dismissed'] as const).map((s) => ({ value: s, label: `${STATUS_LABEL[s]} ${formatCount(data.counts[s])}` }))}
        data-testid="opportunity-status"
      />
    </div>
  );
}

function Body({
  list,
  filters,
  setFilters,
  render,
}: {
  list: ReturnType<typeof useOpportunities>;
  filters: OpportunityFilters;
  setFilters: (next: OpportunityFilters) => void;
  render: (data: OpportunityPage) => ReactNode;
}) {
  if (list.isPending) {
    return (
      <Stack gap="sm" data-testid="opportunities-loading" aria-busy="true">
        <Skeleton height={18} width="45%" />
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={150} radius="md" />
        ))}
      </Stack>
    );
  }
  if (list.isError) {
    return <ErrorPanel title="Opportunities could not be loaded" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  }
  const data = list.data;
  if (data.total > 0) return render(data);
  if (!data.lastRecompute?.asOf) {
    return (
      <EmptyNote title="No opportunities yet" testId="opportunities-empty">
        They are found from sales and livestream data. <Anchor component={Link} to="/imports">Import</Anchor> seller, order or livestream exports; the list fills in right after.
      </EmptyNote>
    );
  }
  if (hasFilters(filters)) {
    return (
      <EmptyNote title="No opportunities match these filters" testId="opportunities-empty">
        <Anchor component="button" type="button" onClick={() => setFilters({ ...filters, rule: null, subcategory: null, tier: null, owner: null, page: 1 })}>
          Clear the filters
        </Anchor>{' '}
        to see all {filters.status} opportunities.
      </EmptyNote>
    );
  }
  return (
    <EmptyNote title={filters.status === 'open' ? 'Nothing to act on' : `No ${filters.status} opportunities`} testId="opportunities-empty">
      {filters.status === 'open' ? 'Every rule came back clean on the latest data — or the remaining opportunities are snoozed or dismissed.' : `Opportunities someone ${filters.status === 'snoozed' ? 'snoozes' : 'dismisses'} show here with the reason.`}
    </EmptyNote>
  );
}
