/**
 * The seller profile's editable fields, declared once: the field name (the same as the `sellers`
 * import kind and `seller_history.field`, so an edit and an import of the same field read alike in
 * the history), the column it is stored in, and how a value typed by a person is checked and
 * cleaned. Category ids are checked against the taxonomy by the registry (that needs the database).
 */
import { isIsoDate } from '../shared/dates.ts';

export const SELLER_TYPES = ['brand', 'official', 'reseller', 'creator', 'other'] as const;
export const SELLER_STATUSES = ['active', 'inactive', 'suspended', 'closed'] as const;

export type FieldValue = string | number | null;

interface FieldRule {
  column: string;
  label: string;
  /** Cleans a value or returns the reason it is refused (a string starting "is not"/"must"). */
  clean: (value: unknown) => { ok: true; value: FieldValue } | { ok: false; reason: string };
}

const ok = (value: FieldValue) => ({ ok: true as const, value });
const refuse = (reason: string) => ({ ok: false as const, reason });

/** Free text: trimmed, blank is "not known" (null). */
function text(max: number, required = false) {
  return (value: unknown) => {
    if (value === null || value === undefined) return required ? refuse('is required') : ok(null);
    if (typeof value !== 'string') return refuse('must be text');
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (!trimmed) return required ? refuse('is required') : ok(null);
    if (trimmed.length > max) return refuse(`is longer than ${max} characters`);
    return ok(trimmed);
  };
}

function oneOf(values: readonly string[]) {
  return (value: unknown) => {
    if (value === null || value === undefined || value === '') return ok(null);
    const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return values.includes(key) ? ok(key) : refuse(`must be one of ${values.join(', ')}`);
  };
}

function wholeNumber(max: number) {
  return (value: unknown) => {
    if (value === null || value === undefined || value === '') return ok(null);
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > max) return refuse(`must be a whole number from 0 to ${max.toLocaleString('en-US')}`);
    return ok(n);
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators and an optional leading +; at least 6 digits in all.
const PHONE = /^\+?[0-9][0-9 ()./-]{4,22}[0-9]$/;
// Postal codes are text: "01310" keeps its leading zero; letters for UK/NL/CA style codes.
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]$/;

export const PROFILE_FIELDS = {
  seller_name: { column: 'name', label: 'Name', clean: text(200, true) },
  shop_name: { column: 'shop_name', label: 'Shop name', clean: text(200) },
  brand: { column: 'brand', label: 'Brand', clean: text(200) },
  seller_type: { column: 'seller_type', label: 'Seller type', clean: oneOf(SELLER_TYPES) },
  tier: { column: 'tier', label: 'Platform tier', clean: text(40) },
  region: { column: 'region', label: 'Region', clean: text(100) },
  city: { column: 'city', label: 'City', clean: text(100) },
  postal_code: {
    column: 'postal_code',
    label: 'Postal code',
    clean: (value) => {
      if (typeof value === 'number') return refuse('must be written as text (a number would lose leading zeros)');
      const cleaned = text(12)(value);
      if (!cleaned.ok || cleaned.value === null) return cleaned;
      return POSTAL_CODE.test(String(cleaned.value)) ? cleaned : refuse('is not a postal code (letters, digits, spaces or dashes)');
    },
  },
  category: { column: 'category_id', label: 'Category', clean: text(100) },
  subcategory: { column: 'subcategory_id', label: 'Subcategory', clean: text(100) },
  status: {
    column: 'status',
    label: 'Status',
    clean: (value) => (value === null || value === '' ? refuse('is required') : oneOf(SELLER_STATUSES)(value)),
  },
  onboarded_at: {
    column: 'onboarded_at',
    label: 'Onboarded',
    clean: (value) => {
      if (value === null || value === undefined || value === '') return ok(null);
      return typeof value === 'string' && isIsoDate(value.trim()) ? ok(value.trim()) : refuse('must be a date YYYY-MM-DD');
    },
  },
  account_manager: { column: 'account_manager', label: 'Platform account manager', clean: text(200) },
  contact_name: { column: 'contact_name', label: 'Contact name', clean: text(200) },
  contact_email: {
    column: 'contact_email',
    label: 'Contact e-mail',
    clean: (value) => {
      const cleaned = text(254)(value);
      if (!cleaned.ok || cleaned.value === null) return cleaned;
      const email = String(cleaned.value).toLowerCase();
      return EMAIL.test(email) ? ok(email) : refuse('is not an e-mail address');
    },
  },
  contact_phone: {
    column: 'contact_phone',
    label: 'Contact phone',
    clean: (value) => {
      const cleaned = text(30)(value);
      if (!cleaned.ok || cleaned.value === null) return cleaned;
      const phone = String(cleaned.value);
      const digits = phone.replace(/\D/g, '').length;
      return PHONE.test(phone) && digits >= 6 && digits <= 15 ? cleaned : refuse('is not a phone number (digits, spaces, + ( ) - .)');
    },
  },
  followers: { column: 'followers', label: 'Followers', clean: wholeNumber(10_000_000_000) },
  product_count: { column: 'product_count', label: 'Products', clean: wholeNumber(2_000_000_000) },
  store_rating: {
    column: 'store_rating',
    label: 'Store rating',
    clean: (value) => {
      if (value === null || value === undefined || value === '') return ok(null);
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n) || n < 0 || n > 5) return refuse('must be a number from 0 to 5');
      return ok(Math.round(n * 100) / 100);
    },
  },
} satisfies Record<string, FieldRule>;

export type ProfileField = keyof typeof PROFILE_FIELDS;
export const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

export function isProfileField(name: string): name is ProfileField {
  return Object.hasOwn(PROFILE_FIELDS, name);
}

/** The owner (account manager in Aisle) is not a profile column edit: it is assigned by managers. */
export const OWNER_FIELD = 'owner';
