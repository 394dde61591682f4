// Vitest setup: DOM matchers, and a clean document after every test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setLanguage } from '../lib/i18n/index.svelte';

afterEach(() => {
  cleanup();
  setLanguage('nl');
  document.documentElement.removeAttribute('data-theme');
});
