/**
 * Drawing once instead of every frame. A software WebGL renderer (a projector laptop without a
 * GPU) pays for every draw call and re-tessellates Graphics every frame, so the board's shapes
 * are baked into textures and its still parts flattened into one image.
 */
import type * as Phaser from 'phaser';

export const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';
export const INK = '#000000';

/** The board's size unit: everything scales with the smaller side of the canvas. */
export function unitOf(width: number, height: number): number {
  return Math.max(14, Math.min(width, height) / 22);
}

/** Draws static shapes once into a texture under `key` (kept: the same key is drawn only once). */
export function bake(
  scene: Phaser.Scene,
  key: string,
  w: number,
  h: number,
  draw: (g: Phaser.GameObjects.Graphics, pad: number) => void,
): string {
  if (scene.textures.exists(key)) return key;
  const pad = 4;
  const g = scene.make.graphics({}, false);
  draw(g, pad);
  g.generateTexture(key, Math.ceil(w + 2 * pad), Math.ceil(h + 2 * pad));
  g.destroy();
  return key;
}

/**
 * Draws game objects once into one texture under `key` (replacing an older one) and destroys
 * them: what changes only on a new layout becomes a single image.
 */
export function flatten(
  scene: Phaser.Scene,
  key: string,
  objects: Phaser.GameObjects.GameObject[],
  w: number,
  h: number,
): string {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  const texture = scene.textures.addDynamicTexture(key, Math.max(1, Math.ceil(w)), Math.max(1, Math.ceil(h)));
  if (!texture) return key;
  texture.draw(objects);
  // Phaser 4 buffers a DynamicTexture's drawing until render().
  texture.render();
  for (const o of objects) o.destroy();
  return key;
}
