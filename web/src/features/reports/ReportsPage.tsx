// Reports: pick weekly or monthly and a period, preview the report exactly as it prints, generate
// it as PDF, Excel, PowerPoint and HTML, and find every past report in the archive. Managers also
// lay out the sections (with a commentary) and switch schedules on. The server builds every number;
// this page only asks and shows.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, SegmentedControl, Skeleton, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCan } from '../auth/session-context';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { DownloadLinks, ReportArchive } from './ReportArchive';
import { ReportPreview } from './ReportPreview';
import { SchedulesPanel } from './SchedulesPanel';
import { SectionsPanel } from './SectionsPanel';
import type { ReportFormat, ReportKind, ReportOptions } from './reports-api';
import { FORMAT_LABELS } from './reports-api';
import { useGenerateReport, usePreview, useReportOptions } from './use-reports';

const TABS = ['report', 'archive', 'sections', 'schedules'] as const;
type Tab = (typeof TABS)[number];
const PLACEHOLDER: Record<ReportKind, string> = { weekly: '2026-W47', monthly: '2026-11' };

function ReportTab({ kind, options }: { kind: ReportKind; options: ReportOptions }) {
  const canGenerate = useCan('write');
  const [draft, setDraft] = useState('');
  const [period, setPeriod] = useState('');
  const [formats, setFormats] = useState<string[]>(options.formats);
  const preview = usePreview(kind, period);
  const generate = useGenerateReport();
  const generated = generate.data && generate.data.kind === kind ? generate.data : null;

  return (
    <Stack gap="md">
      <Card>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={kind === 'weekly' ? 'Week' : 'Month'}
              placeholder={PLACEHOLDER[kind]}
              description="Empty: the latest complete one"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setPeriod(draft.trim());
              }}
              w={220}
              data-testid="period-input"
            />
            <Button variant="default" onClick={() => setPeriod(draft.trim())} data-testid="show-period">
              Show
            </Button>
          </Group>
          {canGenerate ? (
            <Group align="flex-end" gap="md" wrap="wrap">
              <Checkbox.Group label="Formats" value={formats} onChange={setFormats}>
                <Group gap="md" mt={4}>
                  {options.formats.map((f) => (
                    <Checkbox key={f} value={f} label={FORMAT_LABELS[f]} data-testid={`format-${f}`} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Button
                onClick={() => generate.mutate({ kind, period, formats: formats as ReportFormat[] })}
                loading={generate.isPending}
                disabled={formats.length === 0 || preview.isError || preview.data?.asOf === null}
                data-testid="generate-report"
              >
                Generate
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Analysts and managers can generate files; you can preview and download from the archive.
            </Text>
          )}
          {generate.isError ? <FormError error={generate.error} /> : null}
          {generated ? (
            <Alert color="green" variant="light" title={`Report ${generated.period} is ready`} data-testid="generated-report">
              <DownloadLinks report={generated} />
            </Alert>
          ) : null}
        </Stack>
      </Card>
      {preview.isPending ? (
        <Stack gap="xs" data-testid="preview-loading">
          <Text size="sm" c="dimmed">
            Building the report…
          </Text>
          <Skeleton height={640} />
        </Stack>
      ) : preview.isError ? (
        <ErrorPanel title="Could not build the report" error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
      ) : preview.data.asOf === null ? (
        <EmptyNote title="No data to report on yet" testId="reports-empty">
          Import orders, daily seller figures or livestreams on the Imports page (or run aisle demo on the server), then come back.
        </EmptyNote>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="preview-summary">
            {preview.data.title} · {preview.data.range.from} to {preview.data.range.to} · {preview.data.findings.length} findings
            {preview.isFetching ? ' · updating…' : ''}
          </Text>
          <ReportPreview html={preview.data.html} title={preview.data.title} />
        </Stack>
      )}
    </Stack>
  );
}

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const canManage = useCan('manage');
  const options = useReportOptions();
  const tabs: Tab[] = canManage ? [...TABS] : ['report', 'archive'];
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'report';
  const kind: ReportKind = params.get('kind') === 'monthly' ? 'monthly' : 'weekly';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const labels: Record<Tab, string> = { report: 'Report', archive: 'Archive', sections: 'Sections', schedules: 'Schedules' };

  return (
    <>
      <PageHeader
        title="Reports"
        description="Weekly and monthly reports from the same numbers as the dashboard, as PDF, Excel, PowerPoint and HTML"
        actions={
          <SegmentedControl
            value={kind}
            onChange={(value) => set('kind', value)}
            data={[
              { value: 'weekly', label: 'Weekly' },
              { value: 'monthly', label: 'Monthly' },
            ]}
            data-testid="report-kind"
          />
        }
      />
      <Tabs value={tab} onChange={(value) => value && set('tab', value)} mb="md">
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t} value={t} data-testid={`tab-${t}`}>
              {labels[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {options.isPending ? (
        <Skeleton height={400} />
      ) : options.isError ? (
        <ErrorPanel title="Could not load the report options" error={options.error} onRetry={() => void options.refetch()} />
      ) : tab === 'archive' ? (
        <ReportArchive />
      ) : tab === 'sections' ? (
        <SectionsPanel kind={kind} options={options.data} />
      ) : tab === 'schedules' ? (
        <SchedulesPanel formats={options.data.formats} />
      ) : (
        <ReportTab key={kind} kind={kind} options={options.data} />
      )}
    </>
  );
}
