import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/console and served by tools/platform's console server, which
// also answers /config.json and forwards /graphql to the gateway (same origin).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The JS budget spec reads what the first route loads from the manifest.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  // npm start's console is the built one; `npx vite console` serves sources against npm start's gateway.
  server: { port: 4200, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
