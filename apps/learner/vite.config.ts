import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.KMG_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    // The API also serves credential files (JSON, PDF) and issuers' DID documents and status lists.
    proxy: { '/graphql': api, '/api': api, '/credentials': api, '/issuers': api },
  },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
