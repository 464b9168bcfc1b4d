// Words for the registry's values: segment names, profile field names (as the history and the
// completeness list name them) and badge colours. Only wording lives here — values come from the
// server as they are.

const LIFECYCLE: Record<string, { label: string; color: string }> = {
  new: { label: 'New', color: 'cyan' },
  growing: { label: 'Growing', color: 'teal' },
  steady: { label: 'Steady', color: 'gray' },
  declining: { label: 'Declining', color: 'orange' },
  dormant: { label: 'Dormant', color: 'yellow' },
  churned: { label: 'Churned', color: 'red' },
};

const LIVE_STATUS: Record<string, { label: string; color: string }> = {
  regular: { label: 'Regular', color: 'indigo' },
  occasional: { label: 'Occasional', color: 'violet' },
  lapsed: { label: 'Lapsed', color: 'orange' },
  never: { label: 'Never live', color: 'gray' },
};

export function lifecycleLabel(value: string): string {
  return LIFECYCLE[value]?.label ?? value;
}

export function lifecycleColor(value: string): string {
  return LIFECYCLE[value]?.color ?? 'gray';
}

export function liveStatusLabel(value: string): string {
  return LIVE_STATUS[value]?.label ?? value;
}

export function liveStatusColor(value: string): string {
  return LIVE_STATUS[value]?.color ?? 'gray';
}

const FIELD_LABELS: Record<string, string> = {
  seller_name: 'Name',
  shop_name: 'Shop name',
  brand: 'Brand',
  seller_type: 'Seller type',
  tier: 'Platform tier',
  region: 'Region',
  city: 'City',
  postal_code: 'Postal code',
  category: 'Category',
  subcategory: 'Subcategory',
  status: 'Status',
  onboarded_at: 'Onboarded',
  account_manager: 'Platform account manager',
  contact_name: 'Contact name',
  contact_email: 'Contact e-mail',
  contact_phone: 'Contact phone',
  followers: 'Followers',
  product_count: 'Products',
  store_rating: 'Store rating',
  owner: 'Owner',
  merged_from: 'Merged in',
  merged_into: 'Merged into',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll('_', ' ');
}

export const SOURCE_LABELS: Record<string, string> = {
  import: 'Import',
  user: 'Edit',
  merge: 'Merge',
  system: 'System',
};
