// Vitest setup: DOM matchers, and a clean document after every test.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setLanguage } from '../lib/i18n/index.svelte';

// Screens are loaded when first shown (lib/lazy): the first time, Vitest transforms the screen's whole
// module tree, which took more than findBy's default second on a loaded 2-core machine, and 5.6 s while a
// release build ran. findBy waits only as long as needed; the test's own limit is 20 s.
configure({ asyncUtilTimeout: 15000 });

afterEach(() => {
  cleanup();
  setLanguage('nl');
  document.documentElement.removeAttribute('data-theme');
});
