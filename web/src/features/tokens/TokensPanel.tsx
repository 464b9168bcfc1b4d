// Settings → API tokens: the user's tokens (an admin sees everyone's), a new one, and revoking.
import { Badge, Button, Group, Skeleton, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { TableCard } from '../../ui/TableCard';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { RoleBadge } from '../auth/RoleBadge';
import { useCan } from '../auth/session-context';
import { CreateTokenModal } from './CreateTokenModal';
import type { ApiToken } from './tokens-api';
import { useRevokeToken, useTokens } from './use-tokens';

export function TokensPanel() {
  const tokens = useTokens();
  const seesAll = useCan('admin');
  const [createOpened, createModal] = useDisclosure(false);
  return (
    <>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          Tokens let scripts and tools call the Aisle API as you, with a role no higher than yours.
          {seesAll ? ' As an admin you see every user’s tokens.' : null}
        </Text>
        <Button size="sm" onClick={createModal.open}>
          New token
        </Button>
      </Group>
      <TokensBody tokens={tokens} showOwner={seesAll} />
      <CreateTokenModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}

function TokensBody({ tokens, showOwner }: { tokens: ReturnType<typeof useTokens>; showOwner: boolean }) {
  if (tokens.isPending) return <Skeleton height={160} radius="md" />;
  if (tokens.isError) {
    return (
      <ErrorPanel
        title="The API tokens could not be loaded"
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        retrying={tokens.isFetching}
      />
    );
  }
  if (tokens.data.length === 0) {
    return (
      <EmptyNote title="No API tokens yet" testId="tokens-empty">
        Create one for each script or tool, so each can be revoked on its own.
      </EmptyNote>
    );
  }
  return <TokensTable tokens={tokens.data} showOwner={showOwner} />;
}

function TokensTable({ tokens, showOwner }: { tokens: readonly ApiToken[]; showOwner: boolean }) {
  const revoke = useRevokeToken();
  const confirm = useConfirmTarget<ApiToken>();
  const close = () => {
    confirm.close();
    revoke.reset();
  };
  return (
    <>
      <TableCard minWidth={showOwner ? 820 : 680} data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            {showOwner ? <Table.Th>Owner</Table.Th> : null}
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} data-testid="token-row">
              <Table.Td fw={500} data-label="Name">
                {token.name}
              </Table.Td>
              <Table.Td data-label="Role">
                <RoleBadge role={token.role} />
              </Table.Td>
              {showOwner ? <Table.Td data-label="Owner">{token.owner}</Table.Td> : null}
              <Table.Td c="dimmed" data-label="Created">
                {formatDateTime(token.createdAt)}
              </Table.Td>
              <Table.Td c="dimmed" data-label="Last used">
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}
              </Table.Td>
              <Table.Td data-label="Status">
                {token.revokedAt ? (
                  <Badge variant="light" color="gray" radius="sm" size="sm">
                    Revoked
                  </Badge>
                ) : (
                  <Badge variant="light" color="teal" radius="sm" size="sm">
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {token.revokedAt ? null : (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirm.open(token)}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      <ConfirmModal
        opened={confirm.opened}
        title="Revoke API token"
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => {
          if (confirm.target) revoke.mutate(confirm.target.id, { onSuccess: close });
        }}
      >
        Revoke <b>{confirm.target?.name}</b>? Anything that uses it is refused from now on. This cannot be
        undone.
      </ConfirmModal>
    </>
  );
}
