import { defineConfig } from 'vite';
import { offlineServiceWorker } from './src/offline/sw-plugin';
import { roomDevBridge } from './src/room/vite-plugin';
import { scenarioReload } from './src/ui/authoring/vite-plugin';

/**
 * base './' so the built game also runs from a sub-folder or a USB stick. Phaser gets its own
 * chunk (it changes rarely and is the bulk of the download); the scenario loader and the debrief
 * are imported dynamically by the code that needs them, so the start screen loads little.
 */
export default defineConfig({
  base: './',
  // npm start: a saved scenarios/*.yaml reloads in the running game (dev only, issue 6).
  // sw.js with the build's file list, so the game works offline after the first load (issue 5).
  // The Room button under npm start when `npm run room` runs beside it (dev only, issue 11).
  plugins: [scenarioReload(), offlineServiceWorker(), roomDevBridge()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
  server: { port: 5173 },
});
