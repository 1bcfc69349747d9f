import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.FRIENDER_API ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
  },
});
