// Workspace: the team's follow-up work in four tabs, chosen in the URL (`?tab=log|tasks|notes|search`):
// the communication log, the tracker (board or list), the notes and a search across all three.
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { NotesPanel } from '../notes/NotesPanel';
import { CommunicationLog } from './CommunicationLog';
import { SearchPanel } from './SearchPanel';
import { TasksPanel } from './TasksPanel';

const TABS = ['tasks', 'log', 'notes', 'search'] as const;
type Tab = (typeof TABS)[number];

export function WorkspacePage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'tasks';
  return (
    <>
      <PageHeader
        title="Workspace"
        description="Follow-up with sellers: the tracker, the communication log, notes and playbooks, and a search across them."
      />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'tasks' ? { tab: next } : {}, { replace: false })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="tasks" data-testid="tab-tasks">
            Tasks
          </Tabs.Tab>
          <Tabs.Tab value="log" data-testid="tab-log">
            Log
          </Tabs.Tab>
          <Tabs.Tab value="notes" data-testid="tab-notes">
            Notes
          </Tabs.Tab>
          <Tabs.Tab value="search" data-testid="tab-search">
            Search
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks">
          <TasksPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <CommunicationLog />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="search">
          <SearchPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
