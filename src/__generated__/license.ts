import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { License as LicenseModel } from '../subgraphs/license/license.entity.js';
import type { LicenseType as LicenseTypeModel } from '../subgraphs/license/license-type.entity.js';
import type { PersonRef as PersonRefModel, LegalEntityRef as LegalEntityRefModel, DepartmentRef as DepartmentRefModel } from '../subgraphs/license/mappers.js';
import type { FieldProvenanceEntry as FieldProvenanceEntryModel } from '../domain/provenance/provenance.js';
import type { LicenseContext } from '../subgraphs/license/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  CreditCode: { input: string; output: string; }
  Date: { input: string; output: string; }
  DateTime: { input: Date | string; output: Date | string; }
  IdNumber: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  LicenseId: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type AnnotateLicenseInput = {
  licenseId: Scalars['LicenseId']['input'];
  /** Why the copy is made (e.g. 办理公司变更登记). */
  purpose: Scalars['String']['input'];
  /** The department the copy is for. */
  recipient: Scalars['CreditCode']['input'];
  /** How long the copy verifies (default 1 day, at most 7 days). */
  validMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** A signed copy of a licence for one purpose and one receiving department. */
export type AnnotatedCopy = {
  __typename?: 'AnnotatedCopy';
  expiresAt: Scalars['DateTime']['output'];
  purpose: Scalars['String']['output'];
  recipient: Department;
  token: Scalars['String']['output'];
};

/** One type-specific data field of a licence type. */
export type DataField = {
  __typename?: 'DataField';
  label: Scalars['String']['output'];
  maxLength?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  type: DataFieldType;
  values?: Maybe<Array<Scalars['String']['output']>>;
};

export type DataFieldType =
  | 'BOOLEAN'
  | 'CREDIT_CODE'
  | 'DATE'
  | 'DECIMAL'
  | 'ENUM'
  | 'ID_NUMBER'
  | 'INTEGER'
  | 'STRING';

export type Department = {
  __typename?: 'Department';
  code: Scalars['CreditCode']['output'];
};

export type FieldProvenance = {
  __typename?: 'FieldProvenance';
  field: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  source: Department;
};

export type HolderKind =
  | 'ENTITY'
  | 'PERSON';

export type ImportTrustListInput = {
  /** That hub's root certificate (PEM), obtained out of band; the list must verify against it. */
  pinnedRootPem: Scalars['String']['input'];
  /** Where that hub publishes its status lists (e.g. https://hub.fj.example); only URIs under it are fetched. */
  statusListBase?: InputMaybe<Scalars['String']['input']>;
  /** The other hub's signed trust list (typ trustlist+jwt). */
  token: Scalars['String']['input'];
};

export type IssueLicenseInput = {
  /** The type's own data fields. */
  data: Scalars['JSON']['input'];
  holderCreditCode?: InputMaybe<Scalars['CreditCode']['input']>;
  holderIdNumber?: InputMaybe<Scalars['IdNumber']['input']>;
  /** Retrying with the same key returns the same licence and never issues twice. */
  idempotencyKey: Scalars['String']['input'];
  /** The paper licence's number; defaults to the serial. */
  licenseNumber?: InputMaybe<Scalars['String']['input']>;
  typeCode: Scalars['String']['input'];
  /** Defaults to today (China time). */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Defaults to validFrom plus the type's validity, or open-ended. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

export type LegalEntity = {
  __typename?: 'LegalEntity';
  creditCode: Scalars['CreditCode']['output'];
  /** The entity's licences (nullable for the same reason as Person.licenses). */
  licenses?: Maybe<Array<License>>;
};


export type LegalEntityLicensesArgs = {
  status?: InputMaybe<Array<LicenseStatus>>;
};

/** A licence record, keyed by its GB/T 36904 identifier. */
export type License = {
  __typename?: 'License';
  /** Type-specific data, keyed by the type's data field names. */
  data?: Maybe<Scalars['JSON']['output']>;
  /** Everything that happened to this licence, oldest first. */
  history: Array<LicenseEvent>;
  holder?: Maybe<LicenseHolder>;
  /** The holder's ID number or credit code. */
  holderIdentifier?: Maybe<Scalars['String']['output']>;
  holderKind: HolderKind;
  /** The holder's name as printed on the licence. */
  holderName?: Maybe<Scalars['String']['output']>;
  issuedOn?: Maybe<Scalars['Date']['output']>;
  issuingDepartment?: Maybe<Department>;
  /** Division (GB/T 2260) of the issuing jurisdiction. */
  jurisdictionCode?: Maybe<Scalars['String']['output']>;
  licenseId: Scalars['LicenseId']['output'];
  /** The paper licence's own number. */
  licenseNumber?: Maybe<Scalars['String']['output']>;
  provenance: Array<FieldProvenance>;
  /** The compact signed payload a QR code carries (verifies offline against the trust list). */
  qrToken?: Maybe<Scalars['String']['output']>;
  status: LicenseStatus;
  /** The licence this one supersedes, if it is a reissue. */
  supersedes?: Maybe<Scalars['LicenseId']['output']>;
  /** The signed e-licence (compact JWS, PS256, x5c chain); null for records loaded from a legacy register. */
  token?: Maybe<Scalars['String']['output']>;
  type: LicenseType;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  validFrom?: Maybe<Scalars['Date']['output']>;
  validUntil?: Maybe<Scalars['Date']['output']>;
  /** The identifier's version; a reissue is a new record with version + 1. */
  version: Scalars['Int']['output'];
};

/** One entry of a licence's history: who did what, when and why. */
export type LicenseEvent = {
  __typename?: 'LicenseEvent';
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  department: Department;
  kind: LicenseEventKind;
  reason?: Maybe<Scalars['String']['output']>;
  /** For REISSUED and SUPERSEDED: the other version's identifier. */
  relatedLicenseId?: Maybe<Scalars['LicenseId']['output']>;
};

export type LicenseEventKind =
  | 'ISSUED'
  | 'REINSTATED'
  | 'REISSUED'
  | 'REVOKED'
  | 'SUPERSEDED'
  | 'SUSPENDED';

export type LicenseHolder = LegalEntity | Person;

/** Effective status: EXPIRED is derived from validUntil. */
export type LicenseStatus =
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUPERSEDED'
  | 'SUSPENDED'
  | 'VALID';

/** A licence type of the e-licence catalogue. */
export type LicenseType = {
  __typename?: 'LicenseType';
  /** Defining authority's credit code + 3-digit sequence (GB/T 36904). */
  code: Scalars['String']['output'];
  dataFields: Array<DataField>;
  definingAuthority: Department;
  holderKind: HolderKind;
  issuingDepartments: Array<Department>;
  name: Scalars['String']['output'];
  /** Default validity in years; null = valid until revoked. */
  validityYears?: Maybe<Scalars['Int']['output']>;
};

/** The outcome of verifying an e-licence token: every check, and one verdict. */
export type LicenseVerification = {
  __typename?: 'LicenseVerification';
  checks: Array<VerificationCheck>;
  copy?: Maybe<VerifiedCopy>;
  /** LICENSE, QR, COPY, or UNKNOWN when the token could not be read. */
  kind: Scalars['String']['output'];
  license?: Maybe<VerifiedLicense>;
  status?: Maybe<VerifiedStatus>;
  verdict: Verdict;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A short-lived signed copy for one purpose and one receiving department (holder or issuer). */
  annotateLicense: AnnotatedCopy;
  /** Administrators: trust another region's licences. */
  importTrustList: TrustSource;
  /** Issues a signed e-licence (issuing departments of the type only). */
  issueLicense: License;
  reinstateLicense: License;
  /** Issues the next version of a licence and supersedes the old one. */
  reissueLicense: License;
  /** Administrators: stop trusting a root or department certificate (SHA-256 fingerprint, hex). */
  removeTrustedCertificate: Scalars['Boolean']['output'];
  revokeLicense: License;
  suspendLicense: License;
};


export type MutationAnnotateLicenseArgs = {
  input: AnnotateLicenseInput;
};


export type MutationImportTrustListArgs = {
  input: ImportTrustListInput;
};


export type MutationIssueLicenseArgs = {
  input: IssueLicenseInput;
};


export type MutationReinstateLicenseArgs = {
  licenseId: Scalars['LicenseId']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReissueLicenseArgs = {
  input: ReissueLicenseInput;
};


export type MutationRemoveTrustedCertificateArgs = {
  fingerprint: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRevokeLicenseArgs = {
  licenseId: Scalars['LicenseId']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSuspendLicenseArgs = {
  licenseId: Scalars['LicenseId']['input'];
  reason: Scalars['String']['input'];
};

export type Person = {
  __typename?: 'Person';
  idNumber: Scalars['IdNumber']['output'];
  /**
   * The person's licences. Nullable on purpose: it extends Person from another
   * subgraph, and if this service is unavailable the person must still come back
   * (with this field null and an error naming the service), not be nulled whole.
   */
  licenses?: Maybe<Array<License>>;
};


export type PersonLicensesArgs = {
  status?: InputMaybe<Array<LicenseStatus>>;
};

export type Query = {
  __typename?: 'Query';
  license?: Maybe<License>;
  licenseType?: Maybe<LicenseType>;
  licenseTypes: Array<LicenseType>;
  /** Licences of one holder: give exactly one of idNumber or creditCode. */
  licensesByHolder: Array<License>;
  /** Verifies a licence, QR or copy token: signature, chain, issuer, validity, status and (optionally) holder. */
  verifyLicense: LicenseVerification;
};


export type QueryLicenseArgs = {
  licenseId: Scalars['LicenseId']['input'];
};


export type QueryLicenseTypeArgs = {
  code: Scalars['String']['input'];
};


export type QueryLicensesByHolderArgs = {
  creditCode?: InputMaybe<Scalars['CreditCode']['input']>;
  idNumber?: InputMaybe<Scalars['IdNumber']['input']>;
  status?: InputMaybe<Array<LicenseStatus>>;
};


export type QueryVerifyLicenseArgs = {
  expectedHolder?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};

export type ReissueLicenseInput = {
  /** Replaces the data fields when given. */
  data?: InputMaybe<Scalars['JSON']['input']>;
  idempotencyKey: Scalars['String']['input'];
  licenseId: Scalars['LicenseId']['input'];
  reason: Scalars['String']['input'];
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** Another region's trust list, imported for mutual recognition. */
export type TrustSource = {
  __typename?: 'TrustSource';
  certificates: Scalars['Int']['output'];
  issuer: Scalars['String']['output'];
  roots: Scalars['Int']['output'];
  sequence: Scalars['Int']['output'];
};

export type Verdict =
  | 'EXPIRED'
  | 'INVALID'
  | 'NOT_YET_VALID'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'UNTRUSTED'
  | 'VALID';

/** One check of a verification. */
export type VerificationCheck = {
  __typename?: 'VerificationCheck';
  name: VerificationCheckName;
  ok: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  /** True when an earlier failure made this check meaningless. */
  skipped: Scalars['Boolean']['output'];
};

export type VerificationCheckName =
  | 'CERTIFICATE'
  | 'CHAIN'
  | 'HOLDER_MATCH'
  | 'ISSUER_AUTHORISED'
  | 'SIGNATURE'
  | 'STATUS'
  | 'VALIDITY_WINDOW'
  | 'WELL_FORMED';

export type VerifiedCopy = {
  __typename?: 'VerifiedCopy';
  expiresAt: Scalars['DateTime']['output'];
  purpose: Scalars['String']['output'];
  recipient: Scalars['String']['output'];
};

/** What a verified token says (only present when its signature and chain verified). */
export type VerifiedLicense = {
  __typename?: 'VerifiedLicense';
  data?: Maybe<Scalars['JSON']['output']>;
  holderIdentifier: Scalars['String']['output'];
  holderKind: HolderKind;
  holderName: Scalars['String']['output'];
  issuerCode: Scalars['String']['output'];
  issuerName?: Maybe<Scalars['String']['output']>;
  licenseId: Scalars['String']['output'];
  licenseNumber: Scalars['String']['output'];
  typeCode: Scalars['String']['output'];
  /** Absent for a QR token, which carries a summary only. */
  typeName?: Maybe<Scalars['String']['output']>;
  validFrom: Scalars['Date']['output'];
  validUntil?: Maybe<Scalars['Date']['output']>;
  version: Scalars['Int']['output'];
};

/** The revocation status a verification used, and how old it was. */
export type VerifiedStatus = {
  __typename?: 'VerifiedStatus';
  ageSeconds: Scalars['Int']['output'];
  listIssuedAt: Scalars['DateTime']['output'];
  source: Scalars['String']['output'];
  value: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  LegalEntity: LegalEntity;
  License: License;
  LicenseType: LicenseType;
  Person: Person;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"creditCode":true}> );
  License:
    ( { __typename: 'License' }
    & GraphQLRecursivePick<FederationTypes['License'], {"licenseId":true}> );
  LicenseType:
    ( { __typename: 'LicenseType' }
    & GraphQLRecursivePick<FederationTypes['LicenseType'], {"code":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"idNumber":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  LicenseHolder:
    | ( LegalEntityRefModel )
    | ( PersonRefModel )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnnotateLicenseInput: ResolverTypeWrapper<Partial<AnnotateLicenseInput>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  AnnotatedCopy: ResolverTypeWrapper<Partial<Omit<AnnotatedCopy, 'recipient'> & { recipient: ResolversTypes['Department'] }>>;
  CreditCode: ResolverTypeWrapper<Partial<Scalars['CreditCode']['output']>>;
  DataField: ResolverTypeWrapper<Partial<DataField>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  DataFieldType: ResolverTypeWrapper<Partial<DataFieldType>>;
  Date: ResolverTypeWrapper<Partial<Scalars['Date']['output']>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Department: ResolverTypeWrapper<DepartmentRefModel>;
  FieldProvenance: ResolverTypeWrapper<FieldProvenanceEntryModel>;
  HolderKind: ResolverTypeWrapper<Partial<HolderKind>>;
  IdNumber: ResolverTypeWrapper<Partial<Scalars['IdNumber']['output']>>;
  ImportTrustListInput: ResolverTypeWrapper<Partial<ImportTrustListInput>>;
  IssueLicenseInput: ResolverTypeWrapper<Partial<IssueLicenseInput>>;
  JSON: ResolverTypeWrapper<Partial<Scalars['JSON']['output']>>;
  LegalEntity: ResolverTypeWrapper<LegalEntityRefModel>;
  License: ResolverTypeWrapper<LicenseModel>;
  LicenseEvent: ResolverTypeWrapper<Partial<Omit<LicenseEvent, 'department'> & { department: ResolversTypes['Department'] }>>;
  LicenseEventKind: ResolverTypeWrapper<Partial<LicenseEventKind>>;
  LicenseHolder: Partial<ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['LicenseHolder']>>;
  LicenseId: ResolverTypeWrapper<Partial<Scalars['LicenseId']['output']>>;
  LicenseStatus: ResolverTypeWrapper<Partial<LicenseStatus>>;
  LicenseType: ResolverTypeWrapper<LicenseTypeModel>;
  LicenseVerification: ResolverTypeWrapper<Partial<LicenseVerification>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReissueLicenseInput: ResolverTypeWrapper<Partial<ReissueLicenseInput>>;
  TrustSource: ResolverTypeWrapper<Partial<TrustSource>>;
  Verdict: ResolverTypeWrapper<Partial<Verdict>>;
  VerificationCheck: ResolverTypeWrapper<Partial<VerificationCheck>>;
  VerificationCheckName: ResolverTypeWrapper<Partial<VerificationCheckName>>;
  VerifiedCopy: ResolverTypeWrapper<Partial<VerifiedCopy>>;
  VerifiedLicense: ResolverTypeWrapper<Partial<VerifiedLicense>>;
  VerifiedStatus: ResolverTypeWrapper<Partial<VerifiedStatus>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AnnotateLicenseInput: Partial<AnnotateLicenseInput>;
  String: Partial<Scalars['String']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  AnnotatedCopy: Partial<Omit<AnnotatedCopy, 'recipient'> & { recipient: ResolversParentTypes['Department'] }>;
  CreditCode: Partial<Scalars['CreditCode']['output']>;
  DataField: Partial<DataField>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  Date: Partial<Scalars['Date']['output']>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  Department: DepartmentRefModel;
  FieldProvenance: FieldProvenanceEntryModel;
  IdNumber: Partial<Scalars['IdNumber']['output']>;
  ImportTrustListInput: Partial<ImportTrustListInput>;
  IssueLicenseInput: Partial<IssueLicenseInput>;
  JSON: Partial<Scalars['JSON']['output']>;
  LegalEntity: LegalEntityRefModel;
  License: LicenseModel;
  LicenseEvent: Partial<Omit<LicenseEvent, 'department'> & { department: ResolversParentTypes['Department'] }>;
  LicenseHolder: Partial<ResolversUnionTypes<ResolversParentTypes>['LicenseHolder']>;
  LicenseId: Partial<Scalars['LicenseId']['output']>;
  LicenseType: LicenseTypeModel;
  LicenseVerification: Partial<LicenseVerification>;
  Mutation: Record<PropertyKey, never>;
  Person: PersonRefModel;
  Query: Record<PropertyKey, never>;
  ReissueLicenseInput: Partial<ReissueLicenseInput>;
  TrustSource: Partial<TrustSource>;
  VerificationCheck: Partial<VerificationCheck>;
  VerifiedCopy: Partial<VerifiedCopy>;
  VerifiedLicense: Partial<VerifiedLicense>;
  VerifiedStatus: Partial<VerifiedStatus>;
};

export type AnnotatedCopyResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['AnnotatedCopy'] = ResolversParentTypes['AnnotatedCopy']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface CreditCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CreditCode'], any> {
  name: 'CreditCode';
}

export type DataFieldResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['DataField'] = ResolversParentTypes['DataField']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxLength?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DataFieldType'], ParentType, ContextType>;
  values?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DepartmentResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = {
  code?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
};

export type FieldProvenanceResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
};

export interface IdNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IdNumber'], any> {
  name: 'IdNumber';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LegalEntityResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditCode?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
  licenses?: Resolver<Maybe<Array<ResolversTypes['License']>>, ParentType, ContextType, Partial<LegalEntityLicensesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LicenseResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['License'] = ResolversParentTypes['License'], FederationReferenceType extends FederationReferenceTypes['License'] = FederationReferenceTypes['License']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['License']> | FederationReferenceType, FederationReferenceType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['LicenseEvent']>, ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['LicenseHolder']>, ParentType, ContextType>;
  holderIdentifier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holderKind?: Resolver<ResolversTypes['HolderKind'], ParentType, ContextType>;
  holderName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  issuingDepartment?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  jurisdictionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licenseId?: Resolver<ResolversTypes['LicenseId'], ParentType, ContextType>;
  licenseNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Array<ResolversTypes['FieldProvenance']>, ParentType, ContextType>;
  qrToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LicenseStatus'], ParentType, ContextType>;
  supersedes?: Resolver<Maybe<ResolversTypes['LicenseId']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['LicenseType'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LicenseEventResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['LicenseEvent'] = ResolversParentTypes['LicenseEvent']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LicenseEventKind'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relatedLicenseId?: Resolver<Maybe<ResolversTypes['LicenseId']>, ParentType, ContextType>;
};

export type LicenseHolderResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['LicenseHolder'] = ResolversParentTypes['LicenseHolder']> = {
  __resolveType: TypeResolveFn<'LegalEntity' | 'Person', ParentType, ContextType>;
};

export interface LicenseIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LicenseId'], any> {
  name: 'LicenseId';
}

export type LicenseTypeResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['LicenseType'] = ResolversParentTypes['LicenseType'], FederationReferenceType extends FederationReferenceTypes['LicenseType'] = FederationReferenceTypes['LicenseType']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LicenseType']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataFields?: Resolver<Array<ResolversTypes['DataField']>, ParentType, ContextType>;
  definingAuthority?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  holderKind?: Resolver<ResolversTypes['HolderKind'], ParentType, ContextType>;
  issuingDepartments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validityYears?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type LicenseVerificationResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['LicenseVerification'] = ResolversParentTypes['LicenseVerification']> = {
  checks?: Resolver<Array<ResolversTypes['VerificationCheck']>, ParentType, ContextType>;
  copy?: Resolver<Maybe<ResolversTypes['VerifiedCopy']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  license?: Resolver<Maybe<ResolversTypes['VerifiedLicense']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['VerifiedStatus']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['Verdict'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  annotateLicense?: Resolver<ResolversTypes['AnnotatedCopy'], ParentType, ContextType, RequireFields<MutationAnnotateLicenseArgs, 'input'>>;
  importTrustList?: Resolver<ResolversTypes['TrustSource'], ParentType, ContextType, RequireFields<MutationImportTrustListArgs, 'input'>>;
  issueLicense?: Resolver<ResolversTypes['License'], ParentType, ContextType, RequireFields<MutationIssueLicenseArgs, 'input'>>;
  reinstateLicense?: Resolver<ResolversTypes['License'], ParentType, ContextType, RequireFields<MutationReinstateLicenseArgs, 'licenseId' | 'reason'>>;
  reissueLicense?: Resolver<ResolversTypes['License'], ParentType, ContextType, RequireFields<MutationReissueLicenseArgs, 'input'>>;
  removeTrustedCertificate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveTrustedCertificateArgs, 'fingerprint' | 'reason'>>;
  revokeLicense?: Resolver<ResolversTypes['License'], ParentType, ContextType, RequireFields<MutationRevokeLicenseArgs, 'licenseId' | 'reason'>>;
  suspendLicense?: Resolver<ResolversTypes['License'], ParentType, ContextType, RequireFields<MutationSuspendLicenseArgs, 'licenseId' | 'reason'>>;
};

export type PersonResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  idNumber?: Resolver<ResolversTypes['IdNumber'], ParentType, ContextType>;
  licenses?: Resolver<Maybe<Array<ResolversTypes['License']>>, ParentType, ContextType, Partial<PersonLicensesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  license?: Resolver<Maybe<ResolversTypes['License']>, ParentType, ContextType, RequireFields<QueryLicenseArgs, 'licenseId'>>;
  licenseType?: Resolver<Maybe<ResolversTypes['LicenseType']>, ParentType, ContextType, RequireFields<QueryLicenseTypeArgs, 'code'>>;
  licenseTypes?: Resolver<Array<ResolversTypes['LicenseType']>, ParentType, ContextType>;
  licensesByHolder?: Resolver<Array<ResolversTypes['License']>, ParentType, ContextType, Partial<QueryLicensesByHolderArgs>>;
  verifyLicense?: Resolver<ResolversTypes['LicenseVerification'], ParentType, ContextType, RequireFields<QueryVerifyLicenseArgs, 'token'>>;
};

export type TrustSourceResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['TrustSource'] = ResolversParentTypes['TrustSource']> = {
  certificates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roots?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VerificationCheckResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['VerificationCheck'] = ResolversParentTypes['VerificationCheck']> = {
  name?: Resolver<ResolversTypes['VerificationCheckName'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type VerifiedCopyResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['VerifiedCopy'] = ResolversParentTypes['VerifiedCopy']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VerifiedLicenseResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['VerifiedLicense'] = ResolversParentTypes['VerifiedLicense']> = {
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  holderIdentifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holderKind?: Resolver<ResolversTypes['HolderKind'], ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuerCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licenseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licenseNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  typeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  typeName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VerifiedStatusResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['VerifiedStatus'] = ResolversParentTypes['VerifiedStatus']> = {
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  listIssuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = LicenseContext> = {
  AnnotatedCopy?: AnnotatedCopyResolvers<ContextType>;
  CreditCode?: GraphQLScalarType;
  DataField?: DataFieldResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Department?: DepartmentResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  IdNumber?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  License?: LicenseResolvers<ContextType>;
  LicenseEvent?: LicenseEventResolvers<ContextType>;
  LicenseHolder?: LicenseHolderResolvers<ContextType>;
  LicenseId?: GraphQLScalarType;
  LicenseType?: LicenseTypeResolvers<ContextType>;
  LicenseVerification?: LicenseVerificationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TrustSource?: TrustSourceResolvers<ContextType>;
  VerificationCheck?: VerificationCheckResolvers<ContextType>;
  VerifiedCopy?: VerifiedCopyResolvers<ContextType>;
  VerifiedLicense?: VerifiedLicenseResolvers<ContextType>;
  VerifiedStatus?: VerifiedStatusResolvers<ContextType>;
};

