import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The shell embeds ui/dist; nothing here loads from the network.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Tests expect English and "7:00 PM" whatever the machine is set to. These reach the test
    // processes as they start, before Intl reads its default locale; LANGUAGE would win over them.
    env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', LANGUAGE: '', TZ: 'UTC' },
  },
});
