import { PlannedPage } from '../../ui/PlannedPage';

export function WorkspacePage() {
  return (
    <PlannedPage
      title="Workspace"
      summary="The team’s follow-up work: seller communications, tasks and trackers, and notes."
      arrivesWith="the workspace module"
      capabilities={[
        'Log calls, messages and meetings with a seller, with outcome, next action and due date.',
        'Track tasks by owner, status, priority and due date, linked to sellers and opportunities.',
        'Keep notes in Markdown, tagged and attached to sellers.',
      ]}
    />
  );
}
