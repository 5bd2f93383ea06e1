import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.KMG_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  // The API serves this build at /admin (the learner app owns /).
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/graphql': api, '/api': api },
  },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
