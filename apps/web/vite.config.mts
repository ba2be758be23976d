import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The pages are built into dist/web and served by the API; `npm run build:web`.
export default defineConfig(({ command }) => {
  // A build is always a production build, whatever NODE_ENV the caller has: jest's NODE_ENV=test once
  // reached a build and made antd give every radio group on a page the same name ("test-id").
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    // Text assets over 1 KB are also written brotli- and gzip-compressed, which the API sends as they are.
    plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
    // WEB_OUT_DIR (relative to the repository) builds elsewhere than dist/web, e.g. to test two builds side by side.
    // The manifest tells the API which chunks each area's first page needs (serve-web.ts preloads them).
    build: {
      outDir: process.env.WEB_OUT_DIR ? resolve(process.env.WEB_OUT_DIR) : fileURLToPath(new URL('../../dist/web', import.meta.url)),
      emptyOutDir: true,
      sourcemap: false,
      manifest: true,
    },
    server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
  };
});
