import type { Plugin } from 'vite';

/**
 * The site's Content-Security-Policy: scripts only from the site itself (no inline script, no
 * eval), workers from the site, pictures also from `data:`/`blob:` (the diagram's PNG and SVG
 * exports draw through them); only `style-src` allows inline styles, which React Flow's node
 * positions and Mermaid's SVG need. `frame-ancestors` cannot be set by a `<meta>`: `public/_headers`
 * sends it where a host reads that file.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The classroom page also talks MQTT over WebSocket: to its own server (which CSP 'self' covers
 * only in browsers that follow CSP 3 on ws:), or to the broker a teacher names with `?broker=`.
 * MQTT.js runs its keep-alive timer in a worker it makes from a blob (a background tab throttles
 * the page's own timers, and a late PINGREQ would drop the student from the room).
 */
export const CLASSROOM_CSP = CSP.replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
).replace("worker-src 'self'", "worker-src 'self' blob:");

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * Puts the policy and the referrer policy in every built HTML page's head. Build only: the dev
 * server injects an inline script (React's refresh preamble) that the policy would block.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'doubletick-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: ctx.path.endsWith('/classroom.html') ? CLASSROOM_CSP : CSP,
          },
          injectTo: 'head-prepend',
        },
        { tag: 'meta', attrs: { name: 'referrer', content: REFERRER_POLICY }, injectTo: 'head' },
      ],
    },
  };
}
