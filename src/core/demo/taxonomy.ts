/**
 * The demo's Lifestyle category: two top-level categories and their subcategories, with the
 * numbers that make each one behave like itself (furniture is rare and dear, oral care cheap and
 * bought in twos). Ids are lowercase snake_case because `categories.id` only accepts that.
 */

export interface DemoSubcategory {
  id: string;
  parentId: string;
  name: string;
  /** Share of sellers whose main subcategory this is (weights, summing to 1 over all). */
  sellerShare: number;
  /** Median list price in US-dollar-like units, before the workspace currency is applied. */
  medianPrice: number;
  /** Spread of prices (lognormal sigma). */
  priceSigma: number;
  /** Product nouns that make up product names. */
  products: readonly string[];
}

export interface DemoCategory {
  id: string;
  name: string;
  /** Words for shop names ("Cozy Nest Living", "Pure Glow Beauty"). */
  shopWords: readonly string[];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    id: 'home_living',
    name: 'Home & Living',
    shopWords: ['Nest', 'Home', 'Living', 'Haven', 'Nook', 'Casa', 'Habitat', 'Hearth'],
  },
  {
    id: 'personal_care',
    name: 'Personal Care',
    shopWords: ['Glow', 'Bloom', 'Skin', 'Care', 'Beauty', 'Ritual', 'Essence', 'Dew'],
  },
];

export const DEMO_SUBCATEGORIES: readonly DemoSubcategory[] = [
  {
    id: 'kitchen',
    parentId: 'home_living',
    name: 'Kitchen',
    sellerShare: 0.14,
    medianPrice: 18,
    priceSigma: 0.7,
    products: [
      'Non-Stick Frying Pan',
      "Chef's Knife",
      'Ceramic Mug Set',
      'Glass Food Container',
      'Silicone Spatula Set',
      'Electric Kettle',
      'Bamboo Cutting Board',
      'Mini Rice Cooker',
      'Air Fryer Liner',
      'Spice Rack',
    ],
  },
  {
    id: 'home_decor',
    parentId: 'home_living',
    name: 'Home Decor',
    sellerShare: 0.12,
    medianPrice: 22,
    priceSigma: 0.8,
    products: [
      'Scented Candle',
      'Ceramic Vase',
      'Wall Clock',
      'LED Fairy Lights',
      'Photo Frame Set',
      'Artificial Plant',
      'Table Lamp',
      'Wall Art Print',
      'Cushion Cover',
      'Reed Diffuser',
    ],
  },
  {
    id: 'textiles',
    parentId: 'home_living',
    name: 'Home Textiles',
    sellerShare: 0.09,
    medianPrice: 25,
    priceSigma: 0.6,
    products: [
      'Cotton Bedsheet Set',
      'Microfiber Towel',
      'Blackout Curtain',
      'Quilted Blanket',
      'Bamboo Pillowcase',
      'Bath Mat',
      'Throw Blanket',
      'Mattress Protector',
      'Table Runner',
      'Duvet Cover',
    ],
  },
  {
    id: 'storage',
    parentId: 'home_living',
    name: 'Storage & Organisation',
    sellerShare: 0.08,
    medianPrice: 15,
    priceSigma: 0.6,
    products: [
      'Storage Box',
      'Foldable Laundry Basket',
      'Drawer Organiser',
      'Shoe Rack',
      'Vacuum Storage Bag',
      'Hanger Set',
      'Under-Bed Organiser',
      'Floating Wall Shelf',
      'Cable Organiser',
      'Makeup Organiser',
    ],
  },
  {
    id: 'furniture',
    parentId: 'home_living',
    name: 'Furniture',
    sellerShare: 0.05,
    medianPrice: 85,
    priceSigma: 0.7,
    products: [
      'Study Desk',
      'Bookshelf',
      'Bar Stool',
      'Sofa Bed',
      'Bedside Table',
      'Shoe Cabinet',
      'Ergonomic Chair',
      'TV Console',
      'Folding Table',
      'Wardrobe',
    ],
  },
  {
    id: 'skin_care',
    parentId: 'personal_care',
    name: 'Skin Care',
    sellerShare: 0.2,
    medianPrice: 16,
    priceSigma: 0.6,
    products: [
      'Hydrating Serum',
      'Sunscreen SPF50',
      'Gentle Cleanser',
      'Moisturiser Gel',
      'Toner Pads',
      'Sheet Mask Pack',
      'Eye Cream',
      'Clay Mask',
      'Niacinamide Serum',
      'Lip Balm',
    ],
  },
  {
    id: 'hair_care',
    parentId: 'personal_care',
    name: 'Hair Care',
    sellerShare: 0.1,
    medianPrice: 12,
    priceSigma: 0.5,
    products: [
      'Argan Oil Shampoo',
      'Hair Mask',
      'Leave-in Conditioner',
      'Scalp Serum',
      'Ionic Hair Dryer',
      'Curling Iron',
      'Anti-Dandruff Shampoo',
      'Hair Clip Set',
      'Dry Shampoo',
      'Hair Tonic',
    ],
  },
  {
    id: 'oral_care',
    parentId: 'personal_care',
    name: 'Oral Care',
    sellerShare: 0.05,
    medianPrice: 7,
    priceSigma: 0.5,
    products: [
      'Electric Toothbrush',
      'Whitening Toothpaste',
      'Water Flosser',
      'Mouthwash',
      'Brush Heads',
      'Dental Floss',
      'Kids Toothbrush',
      'Tongue Cleaner',
      'Whitening Strips',
      'Charcoal Toothpaste',
    ],
  },
  {
    id: 'bath_body',
    parentId: 'personal_care',
    name: 'Bath & Body',
    sellerShare: 0.09,
    medianPrice: 9,
    priceSigma: 0.5,
    products: [
      'Body Wash',
      'Body Lotion',
      'Shower Gel',
      'Body Scrub',
      'Hand Cream',
      'Bath Salts',
      'Deodorant',
      'Body Mist',
      'Bath Bomb Set',
      'Loofah Sponge',
    ],
  },
  {
    id: 'fragrance',
    parentId: 'personal_care',
    name: 'Fragrance',
    sellerShare: 0.08,
    medianPrice: 30,
    priceSigma: 0.6,
    products: [
      'Eau de Parfum',
      'Hair & Body Mist',
      'Roll-on Perfume',
      'Solid Perfume',
      'Perfume Gift Set',
      'Eau de Toilette',
      'Room Spray',
      'Car Diffuser',
      'Perfume Oil',
      'Travel Atomiser',
    ],
  },
];

/** The subcategory whose planted dip later features must find. */
export const DIP_SUBCATEGORY = 'home_decor';
