/** Where a byte sequence first breaks UTF-8, as the decoder sees it. */
export interface Utf8Break {
  /** Byte offset of the first byte of the bad sequence. */
  offset: number;
  /** 1-based line the bad byte is on. */
  line: number;
}

/**
 * Find the first invalid UTF-8 sequence (stray continuation bytes, cut
 * sequences, overlong forms, surrogates, code points past U+10FFFF), or
 * null for valid text. Exact, so that the message can point at the byte.
 */
export function firstUtf8Break(bytes: Uint8Array): Utf8Break | null {
  let line = 1;
  let index = 0;

  while (index < bytes.length) {
    const byte = bytes[index];
    if (byte < 0x80) {
      if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) line++;
      index++;
      continue;
    }

    const length = sequenceLength(bytes, index);
    if (length === 0) return { offset: index, line };
    index += length;
  }
  return null;
}

/** Bytes of the valid sequence starting at `index`, or 0 when invalid. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index];
  const second = bytes[index + 1];

  // The allowed range of the second byte rules out overlong forms,
  // surrogates and code points past U+10FFFF (RFC 3629, table 3-7).
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  else return 0;
  if (lead === 0xe0) low = 0xa0;
  if (lead === 0xed) high = 0x9f;
  if (lead === 0xf0) low = 0x90;
  if (lead === 0xf4) high = 0x8f;

  if (second === undefined || second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
