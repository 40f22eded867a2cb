import { createHash } from "node:crypto"

/** Crockford base32, the alphabet of ULIDs (and so of Medusa ids like `cart_01J...`). */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

function base32Digest(seed: string, length: number): string {
  const digest = createHash("sha256").update(seed).digest()
  let out = ""
  for (let i = 0; i < length; i++) out += CROCKFORD[digest[i] % 32]
  return out
}

/** Deterministic, unique-per-order Medusa-style cart id, e.g. `cart_01K7Q2...` (26 characters after `cart_`). */
export function referenceIdFor(storeId: string, orderNumber: number): string {
  return `cart_01${base32Digest(`reference:${storeId}-${orderNumber}`, 24)}`
}

/** Deterministic payment transaction id for an order. */
export function transactionIdFor(storeId: string, orderNumber: number): string {
  return `ch_3${base32Digest(`transaction:${storeId}-${orderNumber}`, 20)}`
}
