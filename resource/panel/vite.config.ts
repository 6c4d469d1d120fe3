import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The dev server proxies the API to a running backend (KAMI_BACKEND, default :8000) so the
// panel is developed on the same origin it is served from in production.
const backend = process.env.KAMI_BACKEND || 'http://127.0.0.1:8000'

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk size warning is noise here: Element Plus and ECharts are bundled whole.
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5666,
    proxy: {
      '/api': { target: backend, changeOrigin: true, xfwd: true },
    },
  },
})
