// Saved views of the Sellers grid (each user's own): open one, save the current filters, sort and
// period under a name, update the open view, or delete one.
import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import type { SavedView } from './sellers-api';
import { sellersViewParams, stateFromView, viewFromState, type SellersView } from './sellers-view';
import { useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView } from './use-sellers';

export interface SavedViewsMenuProps {
  view: SellersView;
  onOpen: (view: SellersView) => void;
}

/** The saved view whose state is exactly what is shown, if any. */
function matching(views: SavedView[] | undefined, view: SellersView): SavedView | undefined {
  const shown = sellersViewParams(view).toString();
  return views?.find((saved) => sellersViewParams(viewFromState(saved.state)).toString() === shown);
}

export function SavedViewsMenu({ view, onOpen }: SavedViewsMenuProps) {
  const views = useSavedViews();
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  const current = matching(views.data, view);
  const opened = views.data?.find((v) => v.id === lastOpened);

  const save = () =>
    create.mutate(
      { name, state: stateFromView(view) },
      {
        onSuccess: (saved) => {
          setNaming(false);
          setLastOpened(saved.id);
        },
      },
    );

  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" data-testid="saved-views">
            {current ? current.name : 'Views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="saved-views-menu">
          <Menu.Label>Your saved views</Menu.Label>
          {views.data?.length ? (
            views.data.map((saved) => (
              <Menu.Item
                key={saved.id}
                onClick={() => {
                  setLastOpened(saved.id);
                  onOpen(viewFromState(saved.state));
                }}
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color="gray"
                    aria-label={`Delete view ${saved.name}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      remove.mutate(saved.id);
                    }}
                  >
                    ×
                  </ActionIcon>
                }
                fw={saved.id === current?.id ? 600 : undefined}
                data-testid="saved-view"
              >
                {saved.name}
              </Menu.Item>
            ))
          ) : (
            <Text size="xs" c="dimmed" px="sm" py={6}>
              {views.isPending ? 'Loading…' : 'None yet. Save the filters and sort you use often.'}
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => (setName(''), create.reset(), setNaming(true))} data-testid="save-view">
            Save current view…
          </Menu.Item>
          {opened && !current ? (
            <Menu.Item
              onClick={() => update.mutate({ id: opened.id, state: stateFromView(view) })}
              data-testid="update-view"
            >
              Update “{opened.name}”
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save this view" size="sm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Filters, sort and period are saved for you only.
            </Text>
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={80}
              data-autofocus
              required
              data-testid="view-name"
            />
            <FormError error={create.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setNaming(false)}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!name.trim()}
                data-testid="view-save"
              >
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
