/**
 * `npm run bench`: every speed and size figure of the project, printed, each compared with a
 * baseline measured in the same run (these machines are noisy; absolute numbers mean little).
 * Exits non-zero when a ratio misses its target. CI does not run this.
 */
import { benchEngine } from './engine';

async function main(): Promise<void> {
  let ok = true;
  console.log('— engine —');
  ok = benchEngine() && ok;
  console.log('\n— scenario loader —');
  const { benchImport, benchLoader, benchShapes } = await import('./loader');
  ok = (await benchLoader()) && ok;
  console.log('\n— scenario loader: every shape, session import (issue 26) —');
  ok = benchShapes() && ok;
  ok = (await benchImport()) && ok;
  console.log('\n— studio: keystroke → diagnostics —');
  const studio = await import('./studio');
  ok = studio.benchStudio() && ok;
  if (!process.argv.includes('--no-browser'))
    ok = (await studio.benchStudioBrowser().catch(() => false)) && ok;
  const browser = process.argv.includes('--no-browser') ? null : await import('./browser').catch(() => null);
  if (browser) {
    console.log('\n— browser —');
    ok = (await browser.benchBrowser()) && ok;
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
