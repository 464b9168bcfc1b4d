// Aisle's mark: two shelves and the aisle between them. Same drawing as public/favicon.svg.
export function LogoMark({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="6" fill="#4263eb" />
      <rect x="5" y="6" width="4" height="12" rx="1.2" fill="#fff" />
      <rect x="15" y="6" width="4" height="12" rx="1.2" fill="#fff" />
      <rect x="11.25" y="7" width="1.5" height="2.5" rx="0.75" fill="#fff" opacity="0.7" />
      <rect x="11.25" y="10.75" width="1.5" height="2.5" rx="0.75" fill="#fff" opacity="0.7" />
      <rect x="11.25" y="14.5" width="1.5" height="2.5" rx="0.75" fill="#fff" opacity="0.7" />
    </svg>
  );
}
