import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Who can hold a licence of a type: a natural person or a legal entity. */
export const HOLDER_KINDS = ['PERSON', 'ENTITY'] as const;
/** A holder kind. */
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** The kinds of value a licence type's own data fields may hold. */
export const DATA_FIELD_TYPES = ['STRING', 'INTEGER', 'DECIMAL', 'BOOLEAN', 'DATE', 'ENUM', 'ID_NUMBER', 'CREDIT_CODE'] as const;

/** One type-specific data field of a licence type (e.g. 准驾车型 on a driving licence). */
export interface DataFieldDefinition {
  /** Key in the licence's `data` object. */
  readonly name: string;
  /** Human label, in Chinese as printed on the licence. */
  readonly label: string;
  readonly type: (typeof DATA_FIELD_TYPES)[number];
  readonly required: boolean;
  /** Allowed values, for ENUM fields. */
  readonly values?: readonly string[];
  /** Maximum length, for STRING fields. */
  readonly maxLength?: number;
}

/**
 * A licence type of the e-licence catalogue. `code` is the defining ministry's
 * credit code plus a 3-digit sequence (GB/T 36904), and is the type part of
 * every licence identifier of this type.
 */
export const LicenseTypeEntity = defineEntity({
  name: 'LicenseType',
  schema: 'license',
  tableName: 'license_type',
  properties: {
    code: p.string().length(21).primary(),
    name: p.string().length(100),
    holderKind: p.enum([...HOLDER_KINDS]),
    definingAuthorityCode: p.string().length(18),
    definingAuthorityName: p.string().length(200),
    issuingDepartments: p.array().columnType('text[]'),
    dataFields: p.json<DataFieldDefinition[]>(),
    /** Default validity in years for new licences; null = valid until revoked. */
    validityYears: p.integer().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** A loaded or new LicenseType row. */
export type LicenseType = InferEntity<typeof LicenseTypeEntity>;
