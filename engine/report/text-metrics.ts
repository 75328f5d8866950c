/**
 * Text widths for laying out charts in Node, where vega has no canvas to measure text.
 *
 * Vega's fallback guesses 0.8 em per character, which makes legends and footers float far to the
 * right. These are the real advance widths of DejaVu Sans and DejaVu Sans Bold (the fonts the PNGs are
 * drawn with; read from the Debian fonts-dejavu TTF files' hmtx tables), in thousandths of an em.
 */

/** Advance widths of the characters U+0020–U+007E in DejaVu Sans, in 1/1000 em. */
const REGULAR_ASCII = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838];

/** The same for DejaVu Sans Bold. */
const BOLD_ASCII = [348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838];

/** A few non-ASCII characters the report uses (same widths in both weights unless listed). */
const EXTRA: Readonly<Record<string, number>> = { '–': 500, '—': 1000, '→': 838, '←': 838, '·': 318, '£': 636, '…': 1000, '≥': 838, '≤': 838, '−': 838, '’': 318 };

/**
 * Width of `text` in pixels at `fontSize` pixels in DejaVu Sans (bold when `bold`).
 * Characters outside the table count as 0.64 em.
 */
export function textWidthPx(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD_ASCII : REGULAR_ASCII;
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    units += c >= 32 && c < 127 ? table[c - 32] : (EXTRA[ch] ?? 640);
  }
  return (units / 1000) * fontSize;
}
