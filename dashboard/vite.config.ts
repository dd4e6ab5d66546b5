import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Served by the gateway under /dashboard/ (same origin as /graphql: no CORS, no other host).
// `vite` (the dev server, DASHBOARD_DEV_PORT or 5173) proxies the graph and the dashboard's
// gateway routes to GATEWAY_URL (default http://localhost:4000), so it is the same origin too.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/dashboard/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: Number(process.env.DASHBOARD_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: { '/graphql': gateway, '/dashboard/config.json': gateway, '/dashboard/dev-token': gateway },
  },
});
