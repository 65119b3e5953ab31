/** The one icon per idea (LOOK-AND-FEEL), from lucide-static, shared by canvas and HTML. */
import { Coffee, Dice5, Flag, Hourglass, Landmark, Layers, PiggyBank } from 'lucide-static';

export const SPACE_ICONS: Record<string, string> = {
  start: Flag,
  draw: Layers,
  invest: PiggyBank,
  council: Landmark,
  wait: Hourglass,
  rest: Coffee,
};

export const DICE_ICON = Dice5;

/** Fill colours per space kind (Okabe–Ito); the kind is also shown by icon and label. */
export const SPACE_COLOURS: Record<string, number> = {
  start: 0xf0e442,
  draw: 0x56b4e9,
  invest: 0x009e73,
  council: 0x0072b2,
  wait: 0xd55e00,
  rest: 0xcc79a7,
};

/** Base64, because Phaser's SVG loader decodes data URLs with atob (lucide SVGs are ASCII). */
export function svgDataUrl(svg: string, colour = '#000000'): string {
  return `data:image/svg+xml;base64,${btoa(svg.replace(/currentColor/g, colour))}`;
}
