import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { License as LicenseModel } from '../subgraphs/license/license.entity.js';
import type { LicenseType as LicenseTypeModel } from '../subgraphs/license/license-type.entity.js';
import type { PersonRef as PersonRefModel, LegalEntityRef as LegalEntityRefModel, DepartmentRef as DepartmentRefModel } from '../subgraphs/license/mappers.js';
import type { FieldProvenanceEntry as FieldProvenanceEntryModel } from '../domain/provenance/provenance.js';
import type { LicenseContext } from '../subgraphs/license/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

export type LegalEntity = {
  __typename?: 'LegalEntity';
  creditCode: Scalars['CreditCode']['output'];
  licenses: Array<License>;
};


export type LegalEntityLicensesArgs = {
  status?: InputMaybe<Array<LicenseStatus>>;
};

/** A licence record, keyed by its GB/T 36904 identifier. */
export type License = {
  __typename?: 'License';
  /** Type-specific data, keyed by the type's data field names. */
  data?: Maybe<Scalars['JSON']['output']>;
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
  status: LicenseStatus;
  /** The licence this one supersedes, if it is a reissue. */
  supersedes?: Maybe<Scalars['LicenseId']['output']>;
  type: LicenseType;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  validFrom?: Maybe<Scalars['Date']['output']>;
  validUntil?: Maybe<Scalars['Date']['output']>;
  /** The identifier's version; a reissue is a new record with version + 1. */
  version: Scalars['Int']['output'];
};

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

export type Person = {
  __typename?: 'Person';
  idNumber: Scalars['IdNumber']['output'];
  licenses: Array<License>;
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
  CreditCode: ResolverTypeWrapper<Partial<Scalars['CreditCode']['output']>>;
  DataField: ResolverTypeWrapper<Partial<DataField>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  DataFieldType: ResolverTypeWrapper<Partial<DataFieldType>>;
  Date: ResolverTypeWrapper<Partial<Scalars['Date']['output']>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Department: ResolverTypeWrapper<DepartmentRefModel>;
  FieldProvenance: ResolverTypeWrapper<FieldProvenanceEntryModel>;
  HolderKind: ResolverTypeWrapper<Partial<HolderKind>>;
  IdNumber: ResolverTypeWrapper<Partial<Scalars['IdNumber']['output']>>;
  JSON: ResolverTypeWrapper<Partial<Scalars['JSON']['output']>>;
  LegalEntity: ResolverTypeWrapper<LegalEntityRefModel>;
  License: ResolverTypeWrapper<LicenseModel>;
  LicenseHolder: Partial<ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['LicenseHolder']>>;
  LicenseId: ResolverTypeWrapper<Partial<Scalars['LicenseId']['output']>>;
  LicenseStatus: ResolverTypeWrapper<Partial<LicenseStatus>>;
  LicenseType: ResolverTypeWrapper<LicenseTypeModel>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreditCode: Partial<Scalars['CreditCode']['output']>;
  DataField: Partial<DataField>;
  String: Partial<Scalars['String']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  Date: Partial<Scalars['Date']['output']>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  Department: DepartmentRefModel;
  FieldProvenance: FieldProvenanceEntryModel;
  IdNumber: Partial<Scalars['IdNumber']['output']>;
  JSON: Partial<Scalars['JSON']['output']>;
  LegalEntity: LegalEntityRefModel;
  License: LicenseModel;
  LicenseHolder: Partial<ResolversUnionTypes<ResolversParentTypes>['LicenseHolder']>;
  LicenseId: Partial<Scalars['LicenseId']['output']>;
  LicenseType: LicenseTypeModel;
  Person: PersonRefModel;
  Query: Record<PropertyKey, never>;
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
  licenses?: Resolver<Array<ResolversTypes['License']>, ParentType, ContextType, Partial<LegalEntityLicensesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LicenseResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['License'] = ResolversParentTypes['License'], FederationReferenceType extends FederationReferenceTypes['License'] = FederationReferenceTypes['License']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['License']> | FederationReferenceType, FederationReferenceType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
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
  status?: Resolver<ResolversTypes['LicenseStatus'], ParentType, ContextType>;
  supersedes?: Resolver<Maybe<ResolversTypes['LicenseId']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['LicenseType'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type PersonResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  idNumber?: Resolver<ResolversTypes['IdNumber'], ParentType, ContextType>;
  licenses?: Resolver<Array<ResolversTypes['License']>, ParentType, ContextType, Partial<PersonLicensesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = LicenseContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  license?: Resolver<Maybe<ResolversTypes['License']>, ParentType, ContextType, RequireFields<QueryLicenseArgs, 'licenseId'>>;
  licenseType?: Resolver<Maybe<ResolversTypes['LicenseType']>, ParentType, ContextType, RequireFields<QueryLicenseTypeArgs, 'code'>>;
  licenseTypes?: Resolver<Array<ResolversTypes['LicenseType']>, ParentType, ContextType>;
  licensesByHolder?: Resolver<Array<ResolversTypes['License']>, ParentType, ContextType, Partial<QueryLicensesByHolderArgs>>;
};

export type Resolvers<ContextType = LicenseContext> = {
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
  LicenseHolder?: LicenseHolderResolvers<ContextType>;
  LicenseId?: GraphQLScalarType;
  LicenseType?: LicenseTypeResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

