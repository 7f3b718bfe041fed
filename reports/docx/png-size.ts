/**
 * A PNG's size in pixels, from its header: the IHDR chunk always comes first, its width and
 * height as big-endian 32-bit numbers at bytes 16 and 20.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const isPng =
    png.byteLength >= 24 &&
    SIGNATURE.every((byte, i) => png[i] === byte) &&
    String.fromCharCode(...png.subarray(12, 16)) === 'IHDR';
  if (!isPng) throw new Error('not a PNG file (no PNG signature and IHDR header)');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The size to draw an image at: the full width given, its aspect ratio kept, scaled down
 * further when that would be taller than `maxHeight`.
 */
export function fitToWidth(
  image: { width: number; height: number },
  width: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(width / image.width, maxHeight / image.height);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}
