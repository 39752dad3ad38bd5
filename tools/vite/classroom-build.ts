import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/** Set while the classroom's pass runs (process-wide: the pass loads the config file anew). */
const PASS_FLAG = 'DOUBLETICK_CLASSROOM_PASS';

/**
 * Builds classroom.html in a second pass into the same output directory, after the site's own
 * pages. As a fourth input of the same build it would share chunks with the playground and the
 * embed (React, the lesson prose), and the bundler would cut their first-load chunks differently:
 * a separate pass keeps their initial JavaScript exactly as it is, and gives the classroom page
 * (MQTT.js, the QR code) chunks of its own.
 */
export function classroomBuildPlugin(): Plugin {
  let resolved: ResolvedConfig;
  return {
    name: 'doubletick-classroom-build',
    apply: 'build',
    config(c) {
      // The pass's input replaces the site's (a merged config would add to it).
      if (process.env[PASS_FLAG] !== '1') return;
      c.build ??= {};
      c.build.rollupOptions ??= {};
      c.build.rollupOptions.input = { classroom: resolve(c.root ?? '.', 'classroom.html') };
    },
    configResolved(c) {
      resolved = c;
    },
    async closeBundle() {
      const input = resolved.build.rollupOptions.input;
      // Only a build of the whole site (its `main` page) adds the classroom page.
      if (process.env[PASS_FLAG] === '1') return;
      if (typeof input !== 'object' || Array.isArray(input) || !('main' in input)) return;
      process.env[PASS_FLAG] = '1';
      try {
        await build({
          root: resolved.root,
          configFile: resolved.configFile,
          configLoader: 'runner',
          mode: resolved.mode,
          logLevel: resolved.logLevel,
          build: { outDir: resolved.build.outDir, emptyOutDir: false },
        });
      } finally {
        delete process.env[PASS_FLAG];
      }
    },
  };
}
