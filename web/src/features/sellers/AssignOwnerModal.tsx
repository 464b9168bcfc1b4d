// Bulk owner assignment (managers): the selected sellers get one owner, or none. The server records
// each change in the seller's history and the audit log.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { formatCountOf } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { useAssignOwner } from './use-sellers';

export interface AssignOwnerModalProps {
  opened: boolean;
  sellerIds: string[];
  owners: { id: number; name: string }[];
  onClose: () => void;
  onDone: (message: string) => void;
}

const NO_OWNER = 'none';

export function AssignOwnerModal({ opened, sellerIds, owners, onClose, onDone }: AssignOwnerModalProps) {
  const [owner, setOwner] = useState<string | null>(null);
  const assign = useAssignOwner();
  const close = () => {
    assign.reset();
    setOwner(null);
    onClose();
  };
  const submit = () => {
    if (owner === null) return;
    assign.mutate(
      { sellerIds, userId: owner === NO_OWNER ? null : Number(owner) },
      {
        onSuccess: (result) => {
          const who = result.owner ? result.owner.name : 'no owner';
          onDone(
            `${formatCountOf(result.changed, 'seller')} now ${result.changed === 1 ? 'has' : 'have'} ${who}.`,
          );
          close();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="Assign owner" size="sm" centered>
      <Stack gap="sm">
        <Text size="sm">
          Give the {formatCountOf(sellerIds.length, 'selected seller')} an account manager in the team.
        </Text>
        <Select
          label="Owner"
          placeholder="Choose a person"
          data={[
            { value: NO_OWNER, label: 'No owner' },
            ...owners.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          value={owner}
          onChange={setOwner}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="owner-select"
        />
        <FormError error={assign.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={submit}
            loading={assign.isPending}
            disabled={owner === null}
            data-testid="owner-assign"
          >
            Assign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
