import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Another region's trust list, imported by an administrator for mutual
 * recognition. Kept as the signed token and the root the administrator pinned,
 * so every process re-verifies it when it builds its trust store.
 */
export const TrustSourceEntity = defineEntity({
  name: 'TrustSource',
  schema: 'license',
  tableName: 'trust_source',
  properties: {
    issuer: p.string().length(200).primary(),
    token: p.text(),
    pinnedRootPem: p.text(),
    /** Where that hub publishes its status lists; only URIs under it are fetched. */
    statusListBase: p.string().length(500).nullable(),
    sequence: p.integer(),
    importedAt: p.datetime(),
    importedBy: p.string().length(200),
  },
});

/** A loaded or new TrustSource row. */
export type TrustSource = InferEntity<typeof TrustSourceEntity>;

/** A root or department certificate an administrator took out of the trust store. */
export const TrustRemovalEntity = defineEntity({
  name: 'TrustRemoval',
  schema: 'license',
  tableName: 'trust_removal',
  properties: {
    /** SHA-256 fingerprint (hex) of the certificate's DER. */
    fingerprint: p.string().length(64).primary(),
    subject: p.string().length(500),
    reason: p.text(),
    removedAt: p.datetime(),
    removedBy: p.string().length(200),
  },
});

/** A loaded or new TrustRemoval row. */
export type TrustRemoval = InferEntity<typeof TrustRemovalEntity>;
