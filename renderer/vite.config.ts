import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and loaded from disk by Electron (file://, hence relative asset paths)
// or served by the test host for preview and e2e. Two pages: the desk (index.html) and the lobby kiosk
// (kiosk.html), so the kiosk's first paint loads none of the desk's code.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: `${import.meta.dirname}/index.html`,
        kiosk: `${import.meta.dirname}/kiosk.html`,
      },
    },
  },
});
