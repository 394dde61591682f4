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
