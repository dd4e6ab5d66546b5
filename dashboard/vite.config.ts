import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Served by the gateway under /dashboard/ (same origin as /graphql: no CORS, no other host).
export default defineConfig({
  base: '/dashboard/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { port: 5140, proxy: { '/graphql': 'http://localhost:4140', '/dashboard/config.json': 'http://localhost:4140', '/dashboard/dev-token': 'http://localhost:4140' } },
});
