import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './tools/vite/csp';
import { lessonsPlugin } from './tools/vite/lessons-plugin';

export default defineConfig({
  plugins: [react(), lessonsPlugin(), cspPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Mermaid is a lazy chunk; its size does not count against the first load.
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: {
        main: 'index.html',
        workers: 'workers.html',
        embed: 'embed.html',
        classroom: 'classroom.html',
      },
    },
  },
});
