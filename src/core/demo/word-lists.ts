/**
 * Word lists the demo builds names and texts from. Everything here is made up: brand names are
 * assembled from syllables, people are common given names and surnames of the market (Malaysia)
 * combined at random, and no list holds a real shop, brand or person, so the demo can be shown
 * anywhere without exposing anyone.
 */

export interface DemoCity {
  city: string;
  region: string;
  /** Postal code range (5 digits, some with a leading zero, like Kedah's 05xxx). */
  postalFrom: number;
  postalTo: number;
  weight: number;
}

/** One market: Malaysian cities and their states (the seller `region`). */
export const DEMO_CITIES: readonly DemoCity[] = [
  { city: 'Kuala Lumpur', region: 'W.P. Kuala Lumpur', postalFrom: 50000, postalTo: 60000, weight: 22 },
  { city: 'Petaling Jaya', region: 'Selangor', postalFrom: 46000, postalTo: 47999, weight: 10 },
  { city: 'Shah Alam', region: 'Selangor', postalFrom: 40000, postalTo: 40999, weight: 8 },
  { city: 'Subang Jaya', region: 'Selangor', postalFrom: 47500, postalTo: 47699, weight: 6 },
  { city: 'Klang', region: 'Selangor', postalFrom: 41000, postalTo: 42999, weight: 6 },
  { city: 'Johor Bahru', region: 'Johor', postalFrom: 79000, postalTo: 81999, weight: 9 },
  { city: 'George Town', region: 'Pulau Pinang', postalFrom: 10000, postalTo: 11999, weight: 8 },
  { city: 'Ipoh', region: 'Perak', postalFrom: 30000, postalTo: 31999, weight: 5 },
  { city: 'Kota Kinabalu', region: 'Sabah', postalFrom: 88000, postalTo: 88999, weight: 4 },
  { city: 'Kuching', region: 'Sarawak', postalFrom: 93000, postalTo: 93999, weight: 4 },
  { city: 'Alor Setar', region: 'Kedah', postalFrom: 5000, postalTo: 6999, weight: 3 },
  { city: 'Sungai Petani', region: 'Kedah', postalFrom: 8000, postalTo: 8999, weight: 2 },
  { city: 'Kangar', region: 'Perlis', postalFrom: 1000, postalTo: 1999, weight: 1 },
  { city: 'Melaka', region: 'Melaka', postalFrom: 75000, postalTo: 75999, weight: 3 },
  { city: 'Seremban', region: 'Negeri Sembilan', postalFrom: 70000, postalTo: 70999, weight: 3 },
  { city: 'Kuantan', region: 'Pahang', postalFrom: 25000, postalTo: 26999, weight: 2 },
  { city: 'Kota Bharu', region: 'Kelantan', postalFrom: 15000, postalTo: 16999, weight: 2 },
  { city: 'Kuala Terengganu', region: 'Terengganu', postalFrom: 20000, postalTo: 21999, weight: 2 },
  { city: 'Putrajaya', region: 'W.P. Putrajaya', postalFrom: 62000, postalTo: 62999, weight: 1 },
];

export const FIRST_NAMES: readonly string[] = [
  'Aina',
  'Farah',
  'Hafiz',
  'Irfan',
  'Nurul',
  'Siti',
  'Amir',
  'Daniel',
  'Mei Ling',
  'Wei Jie',
  'Kavitha',
  'Priya',
  'Ravi',
  'Jia Hui',
  'Zara',
  'Aisyah',
  'Syafiq',
  'Hannah',
  'Ethan',
  'Chloe',
  'Arjun',
  'Deepa',
  'Kelvin',
  'Jasmine',
  'Haziq',
  'Alya',
  'Iman',
  'Marcus',
  'Sofia',
  'Yusuf',
  'Rachel',
  'Jun Hao',
  'Li Ting',
  'Nadia',
  'Qistina',
  'Ben',
  'Natasha',
  'Aqil',
  'Vanessa',
  'Ashwin',
  'Mira',
  'Ken',
  'Balqis',
  'Shirley',
];

export const SURNAMES: readonly string[] = [
  'Tan',
  'Lim',
  'Lee',
  'Wong',
  'Ng',
  'Chong',
  'Ong',
  'Rahman',
  'Ismail',
  'Abdullah',
  'Hassan',
  'Yusof',
  'Kumar',
  'Raj',
  'Singh',
  'Nair',
  'Chin',
  'Goh',
  'Teo',
  'Ahmad',
  'Aziz',
  'Ibrahim',
  'Low',
  'Yap',
  'Chua',
  'Krishnan',
  'Pillai',
  'Hamid',
  'Osman',
  'Koh',
];

/** Syllables for made-up brand names ("Velora", "Sorine"…). */
export const BRAND_STARTS: readonly string[] = [
  'Ve',
  'Lu',
  'Ka',
  'Mo',
  'Sa',
  'Ri',
  'No',
  'Ta',
  'Ze',
  'Ai',
  'Bel',
  'Cor',
  'Da',
  'El',
  'Fi',
  'Ha',
  'Io',
  'Ju',
  'Ki',
  'La',
  'Mi',
  'Ne',
  'Or',
  'Pa',
  'Ro',
  'Si',
  'Tu',
  'Vi',
  'Yo',
  'Sue',
];
export const BRAND_MIDDLES: readonly string[] = [
  'la',
  'ro',
  'mi',
  'na',
  'vi',
  'ke',
  'so',
  'ra',
  'ti',
  'lu',
  '',
  '',
];
export const BRAND_ENDS: readonly string[] = [
  'ra',
  'ne',
  'ia',
  'o',
  'a',
  'en',
  'is',
  'ly',
  'va',
  'ko',
  'ma',
  'ux',
];

export const SHOP_ADJECTIVES: readonly string[] = [
  'Cozy',
  'Pure',
  'Bright',
  'Little',
  'Happy',
  'Urban',
  'Simple',
  'Golden',
  'Fresh',
  'Gentle',
  'Daily',
  'Modern',
  'Tidy',
  'Sunny',
  'Calm',
  'Lush',
  'Soft',
  'Clever',
  'Humble',
  'Blooming',
];
export const SHOP_SUFFIXES: readonly string[] = [
  'Store',
  'Shop',
  'Mart',
  'Co.',
  'Studio',
  'House',
  'Outlet',
  'Supply',
];
export const COMPANY_WORDS: readonly string[] = [
  'Trading',
  'Ventures',
  'Resources',
  'Marketing',
  'Global',
  'Supplies',
  'Distribution',
  'Holdings',
];
export const COMPANY_FORMS: readonly string[] = ['Sdn. Bhd.', 'Enterprise', 'PLT'];

export const PRODUCT_DESCRIPTORS: readonly string[] = [
  'Premium',
  'Classic',
  'Everyday',
  'Travel',
  'Deluxe',
  'Eco',
  'Minimalist',
  'Pro',
  'Nordic',
  'Gentle',
  'Compact',
  'Signature',
];
export const PRODUCT_VARIANTS: readonly string[] = [
  '250ml',
  '500ml',
  'Set of 3',
  'Twin Pack',
  'Large',
  'Mini',
  'Bundle of 2',
  'Refill',
  'Family Size',
  'Grey',
  'Beige',
  'White',
];

/** The category team: account managers own sellers, reviewers score livestreams. */
export const ACCOUNT_MANAGERS: readonly string[] = [
  'Aina Rahman',
  'Kelvin Tan',
  'Priya Nair',
  'Daniel Wong',
  'Siti Hajar',
  'Marcus Lim',
  'Farah Aziz',
  'Jun Hao Chua',
];
export const REVIEWERS: readonly string[] = [
  'Hannah Ong',
  'Aina Rahman',
  'Ravi Krishnan',
  'Li Ting Goh',
  'Kelvin Tan',
];

/** Livestream titles; `{sub}` is the subcategory, `{campaign}` the day's campaign or "Daily". */
export const LIVE_TITLES: readonly string[] = [
  '{campaign} Mega Live: {sub} deals',
  '{sub} flash sale - vouchers every 30 min',
  'New arrivals in {sub}',
  'Payday haul: {sub} bundles',
  'Live demo: how to choose {sub}',
  'Weekend {sub} clearance',
  'Q&A and giveaways with our team',
  'Buy 1 Free 1 {sub}',
  '{campaign} live: best sellers restocked',
  'Night owl deals: {sub}',
];

/** Name of the planted improving host; not made from the lists above, so no other host shares it. */
export const STORY_HOST_NAME = 'Aurelia Moon';
