// The look of Aisle: a calm, light analytics tool. Indigo accents, system fonts (nothing fetched
// from the network), compact headings and bordered cards so dense pages stay readable.
import { Card, createTheme, NavLink, Title } from '@mantine/core';
import { FONT_STACK } from '../ui/tokens';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  defaultRadius: 'md',
  cursorType: 'pointer',
  respectReducedMotion: true,
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  components: {
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'md', padding: 'lg', shadow: 'none' } }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' } }),
    Title: Title.extend({ defaultProps: { c: 'dark.8' } }),
  },
});
