// Vite config for the Samen Kijken UI. Relative base so the Tauri shell can load
// the files from disk; `--mode fake` builds a browser demo against the fake backend.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  server: { port: 1420, strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: mode === 'fake' ? 'dist-fake' : 'dist',
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: false,
    // The fake backend (src/lib/ipc/fake.ts) builds lookup tables from its fixtures at module level,
    // which Rollup would keep as side effects even though a production build never calls it: that put
    // 1.1 MB of test fixtures (the error table, the practice family) into the app's bundle. Declared
    // free of side effects, the module is left out whenever nothing uses it.
    rollupOptions: {
      treeshake: { moduleSideEffects: (id) => !id.replace(/\\/g, '/').endsWith('/src/lib/ipc/fake.ts') },
    },
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Whole-app flows on a loaded 2-core machine can take longer than the 5 s default.
    testTimeout: 20_000,
  },
}));
