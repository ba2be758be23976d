/** Money is kept as integer fen; people read yuan with two decimals ("1280.50"). No floats on the way. */
export function fenToYuan(fen: number | string | bigint): string {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Yuan with at most two decimals → integer fen, without float drift (268.55 → 26855). */
export function yuanToFen(amount: number): number {
  return Math.round(Number((amount * 100).toFixed(2)));
}
