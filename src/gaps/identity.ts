import type { GapItem } from '../model.js';

/**
 * A key for an item that survives edits elsewhere in the gap list: its id
 * when it has one (`Gap 8`, `REQ-12`), else a slug of its title. Line
 * numbers are deliberately left out, so baselines and SARIF fingerprints
 * still match after lines shift.
 */
export function itemKey(item: GapItem): string {
  return item.id ? `id:${slug(item.id)}` : `title:${slug(item.title)}`;
}

/** Lower case words joined by dashes: `Rate Limiting (API)` → `rate-limiting-api`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
