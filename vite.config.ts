import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { classroomBuildPlugin } from './tools/vite/classroom-build';
import { cspPlugin } from './tools/vite/csp';
import { lessonsPlugin } from './tools/vite/lessons-plugin';

export default defineConfig({
  plugins: [react(), lessonsPlugin(), cspPlugin(), classroomBuildPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Mermaid is a lazy chunk; its size does not count against the first load.
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      // classroom.html is built in a pass of its own (tools/vite/classroom-build.ts).
      input: { main: 'index.html', workers: 'workers.html', embed: 'embed.html' },
    },
  },
});
