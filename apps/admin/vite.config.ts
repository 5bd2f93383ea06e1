import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const api = process.env.KMG_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  // The API serves this build at /admin (the learner app owns /).
  base: '/admin/',
  plugins: [
    react(),
    // Served as built by the API: brotli at its highest quality and gzip at level 9, once.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|html|svg)$/,
      threshold: 1024,
    }),
  ],
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
