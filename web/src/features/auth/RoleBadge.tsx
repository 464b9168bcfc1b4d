import { Badge } from '@mantine/core';
import { roleColors, roleLabels, type Role } from './roles';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={roleColors[role]} radius="sm" size="sm" data-testid="role-badge">
      {roleLabels[role]}
    </Badge>
  );
}
