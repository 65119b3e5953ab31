/** The scenario studio's entry: main.ts imports this module lazily (`#/studio`, the Studio button). */
export { type StudioOptions, studioScreen } from './screen';
