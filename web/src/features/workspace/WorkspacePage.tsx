// Workspace: the team's follow-up work. Notes are here now; communications and tasks arrive with
// the rest of the workspace module.
import { PageHeader } from '../../ui/PageHeader';
import { NotesPanel } from '../notes/NotesPanel';

export function WorkspacePage() {
  return (
    <>
      <PageHeader
        title="Workspace"
        description="Notes the team keeps. Seller communications and tasks arrive with the workspace module."
      />
      <NotesPanel />
    </>
  );
}
