// The seller page's header card: segments with their reasons, owner, profile completeness, and the
// profile and contact fields — each editable in place by analysts and up (the owner by managers).
import { Badge, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../ui/FormError';
import { formatCount, formatDate } from '../../ui/format';
import { useCan } from '../auth/session-context';
import { EditableField, type FieldKind } from './EditableField';
import type { SellerOptions, SellerProfile } from './sellers-api';
import {
  fieldLabel,
  lifecycleColor,
  lifecycleLabel,
  liveStatusColor,
  liveStatusLabel,
} from './seller-labels';
import { useUpdateSeller } from './use-seller';
import { useAssignOwner } from './use-sellers';
import classes from './SellerPage.module.css';

interface FieldSpec {
  field: keyof SellerProfile & string;
  label: string;
  kind?: FieldKind;
  display?: (seller: SellerProfile) => string | null;
}

function Segment({
  label,
  value,
  reason,
  color,
  name,
}: {
  label: string;
  value: string | null;
  reason: string | null;
  color: string;
  name: string;
}) {
  return (
    <Tooltip label={reason ?? 'Computed after the next import'} multiline w={280} withArrow disabled={!value}>
      <Group gap={6} wrap="nowrap" data-testid={`segment-${name}`}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {value ? (
          <Badge variant="light" color={color} radius="sm" style={{ textTransform: 'none' }}>
            {value}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            not computed yet
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}

function OwnerField({ seller, owners }: { seller: SellerProfile; owners: { id: number; name: string }[] }) {
  const canManage = useCan('manage');
  const assign = useAssignOwner();
  const [error, setError] = useState<unknown>(null);
  if (!canManage) {
    return (
      <div className={classes.field} data-testid="field-owner">
        <Text size="xs" c="dimmed">
          Owner
        </Text>
        <Text size="sm">{seller.owner_name ?? 'No owner'}</Text>
      </div>
    );
  }
  return (
    <div className={classes.field} data-testid="field-owner">
      <Text size="xs" c="dimmed">
        Owner
      </Text>
      <NativeSelect
        size="xs"
        aria-label="Owner"
        data={[
          { value: '', label: 'No owner' },
          ...owners.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
        value={seller.owner_user_id === null ? '' : String(seller.owner_user_id)}
        disabled={assign.isPending}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setError(null);
          assign.mutate(
            { sellerIds: [seller.id], userId: value === '' ? null : Number(value) },
            { onError: setError },
          );
        }}
        data-testid="owner-picker"
      />
      <FormError error={error} />
    </div>
  );
}

export function SellerProfileCard({
  seller,
  options,
}: {
  seller: SellerProfile;
  options: SellerOptions | undefined;
}) {
  const canWrite = useCan('write') && seller.merged_into === null;
  const update = useUpdateSeller(seller.id);
  const save = (field: string) => (value: string | number | null) => update.mutateAsync({ [field]: value });
  const subcategories = (options?.categories ?? [])
    .filter((c) => c.parent_id !== null)
    .map((c) => ({ value: c.id, label: c.name }));
  const select = (values: string[] | undefined): FieldKind => ({
    type: 'select',
    data: (values ?? []).map((v) => ({ value: v, label: v })),
  });

  const profile: FieldSpec[] = [
    { field: 'seller_name', label: 'Name' },
    { field: 'shop_name', label: 'Shop name' },
    { field: 'brand', label: 'Brand' },
    { field: 'seller_type', label: 'Seller type', kind: select(options?.seller_types) },
    {
      field: 'subcategory',
      label: 'Subcategory',
      kind: { type: 'select', data: subcategories },
      display: (s) =>
        s.subcategory_name ? `${s.subcategory_name}${s.category_name ? ` (${s.category_name})` : ''}` : null,
    },
    { field: 'status', label: 'Status', kind: select(options?.statuses) },
    { field: 'tier', label: 'Platform tier' },
    { field: 'region', label: 'Region' },
    { field: 'city', label: 'City' },
    { field: 'postal_code', label: 'Postal code' },
    {
      field: 'onboarded_at',
      label: 'Onboarded',
      kind: { type: 'date' },
      display: (s) => (s.onboarded_at ? formatDate(s.onboarded_at) : null),
    },
    {
      field: 'followers',
      label: 'Followers',
      kind: { type: 'number' },
      display: (s) => (s.followers === null ? null : formatCount(s.followers)),
    },
    {
      field: 'product_count',
      label: 'Products',
      kind: { type: 'number' },
      display: (s) => (s.product_count === null ? null : formatCount(s.product_count)),
    },
    {
      field: 'store_rating',
      label: 'Store rating',
      kind: { type: 'number' },
      display: (s) => (s.store_rating === null ? null : s.store_rating.toFixed(2)),
    },
  ];
  const contacts: FieldSpec[] = [
    { field: 'contact_name', label: 'Contact name' },
    { field: 'contact_email', label: 'Contact e-mail' },
    { field: 'contact_phone', label: 'Contact phone' },
    { field: 'account_manager', label: 'Platform account manager' },
  ];
  const renderField = (spec: FieldSpec) => {
    const raw = seller[spec.field];
    const value = typeof raw === 'string' || typeof raw === 'number' ? raw : null;
    return (
      <EditableField
        key={spec.field}
        field={spec.field}
        label={spec.label}
        value={value}
        display={spec.display ? spec.display(seller) : value}
        kind={spec.kind}
        editable={canWrite}
        onSave={save(spec.field)}
      />
    );
  };
  const segment = seller.segment;
  const missing = seller.missing_fields.map(fieldLabel);

  return (
    <Card data-testid="seller-profile">
      <Stack gap="md">
        <Group gap="lg" wrap="wrap">
          <Segment
            name="tier"
            label="Tier"
            value={segment?.tier ?? null}
            reason={segment?.tier_reason ?? null}
            color="indigo"
          />
          <Segment
            name="lifecycle"
            label="Lifecycle"
            value={segment?.lifecycle ? lifecycleLabel(segment.lifecycle) : null}
            reason={segment?.lifecycle_reason ?? null}
            color={lifecycleColor(segment?.lifecycle ?? '')}
          />
          <Segment
            name="live"
            label="Live"
            value={segment?.live_status ? liveStatusLabel(segment.live_status) : null}
            reason={segment?.live_status_reason ?? null}
            color={liveStatusColor(segment?.live_status ?? '')}
          />
          <Stack gap={2} className={classes.completeness} data-testid="completeness">
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                Profile {seller.completeness}% complete
              </Text>
            </Group>
            <Progress
              value={seller.completeness}
              size="sm"
              color={seller.completeness >= 80 ? 'teal' : seller.completeness >= 50 ? 'yellow' : 'orange'}
              aria-label="Profile completeness"
            />
            {missing.length ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                Missing: {missing.join(', ')}
              </Text>
            ) : null}
          </Stack>
        </Group>
        <div>
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={6}>
            Profile
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
            {profile.map(renderField)}
          </SimpleGrid>
        </div>
        <div>
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={6}>
            Owner and contacts
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} spacing="sm" verticalSpacing="xs">
            <OwnerField seller={seller} owners={options?.owners ?? []} />
            {contacts.map(renderField)}
          </SimpleGrid>
        </div>
      </Stack>
    </Card>
  );
}
