import { readFileSync } from 'node:fs';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config';

/**
 * `npm run build:single`: the whole game — code, Phaser, fonts, sounds and the shipped
 * scenarios — in one HTML file (dist-single/index.html) that runs from a USB stick by
 * double-click (file://). No service worker there: a file:// page needs none and cannot have one.
 */
/** The favicon as a data URI, so the one file needs nothing beside it. */
function inlineFavicon(): Plugin {
  const svg = readFileSync(new URL('./assets/favicon.svg', import.meta.url), 'utf8');
  return {
    name: 'dd-inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(
          /href="\.\/assets\/favicon\.svg"/,
          `href="data:image/svg+xml,${encodeURIComponent(svg)}"`,
        ),
    },
  };
}

export default mergeConfig(
  base,
  defineConfig({
    define: { 'import.meta.env.VITE_SINGLE': JSON.stringify('1') },
    plugins: [inlineFavicon(), viteSingleFile({ removeViteModuleLoader: true })],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      chunkSizeWarningLimit: 20_000,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
