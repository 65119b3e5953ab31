/**
 * `npm start` beside `npm run room`: the dev server answers the start screen's `room-api/info`
 * itself, by asking the room server on its default port from Node. The page then never requests
 * another port from the browser, so a laptop without a room server running shows no failed
 * request in the console, and one with it running shows the Room button (issue 11).
 */
import type { Plugin } from 'vite';
import { ROOM_MARK } from '../protocol/room';

export const ROOM_PORT = 2567;

export function roomDevBridge(port = ROOM_PORT): Plugin {
  return {
    name: 'dd-room-dev-bridge',
    apply: 'serve',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: ROOM_MARK, content: 'dev' }, injectTo: 'head' }],
    configureServer(server) {
      server.middlewares.use('/room-api/info', (req, res) => {
        const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
        void fetch(`http://127.0.0.1:${port}/room-api/info`, { signal: AbortSignal.timeout(800) })
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null)
          .then((info: Record<string, unknown> | null) => {
            res.setHeader('content-type', 'application/json');
            res.setHeader('cache-control', 'no-store');
            // The websocket goes to the room server's own port on the host the page came from.
            res.end(
              JSON.stringify(
                info?.room === true ? { ...info, base: `http://${host}:${port}/` } : { room: false },
              ),
            );
          });
      });
    },
  };
}
