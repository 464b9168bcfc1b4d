// Builds the single-page app into <repo>/dist/web, which `aisle serve` hands out next to /api.
// In development (`npm run dev:web`) the API calls are proxied to a locally running `aisle serve`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The chart library is loaded on demand by the trend chart (a chunk of its own); react-dom,
    // react-router and Mantine make the main chunk ~560 kB minified (~180 kB gzip). AG Grid is a
    // chunk of its own too (~790 kB, ~220 kB gzip), loaded only by the Sellers grid on a desktop.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:4173', changeOrigin: false },
    },
  },
});
