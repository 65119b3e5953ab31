/**
 * Screens that plug into the shell's router (src/ui/router.ts) beside the workshop's own
 * (start, choose, setup, play, debrief, compare: src/main.ts). One line per route: a pattern
 * after `#/` with `:name` parts, and a handler that returns the screen to show (or shows what it
 * needs itself and returns nothing). Import the screen's module inside the handler, so it loads
 * only when someone goes there. See .tmp-coord/ROUTER.md and docs/engine.md ("Shell").
 *
 *   studio: (ctx) => import('./studio/screen').then((m) => m.studioScreen(ctx)),
 *   'room/:code': (ctx) => import('./room/projector').then((m) => m.projectorScreen(ctx, ctx.params.code)),
 */
import type { RouteHandler } from './ui/router';

export const pluggedRoutes: Record<string, RouteHandler> = {
  studio: (ctx) => import('./studio').then((m) => m.studioScreen(ctx.app, { onBack: () => ctx.go('') })),
  room: (ctx) => import('./ui/room/open-room').then((m) => m.newRoomScreen(ctx)),
  'room/:code': (ctx) => import('./ui/room/projector').then((m) => m.projectorScreen(ctx, ctx.params.code)),
  'room/:code/console': (ctx) =>
    import('./ui/room/console').then((m) => m.roomConsoleScreen(ctx, ctx.params.code)),
  join: (ctx) => import('./ui/room/phone').then((m) => m.joinCodeScreen(ctx)),
  'join/:code': (ctx) => import('./ui/room/phone').then((m) => m.phoneScreen(ctx, ctx.params.code)),
};
