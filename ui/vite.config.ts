import { defineConfig } from 'vitest/config';

// Served by Tauri from ui/dist (tauri.conf.json `frontendDist`); WebKitGTK 2.40+ runs ES2021.
export default defineConfig({
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // test/menu.test.ts reads the shell's menu table (src-tauri/menu.rs); nothing else outside ui/.
    fs: { allow: ['.', '../src-tauri'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    // No inline scripts or styles: the CSP allows only files from the app itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
