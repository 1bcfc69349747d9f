import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests of hooks and components in jsdom; GraphQL answered by msw, so nothing leaves the process.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
