import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LegalEntity as LegalEntityModel } from '../subgraphs/legal-entity/legal-entity.entity.js';
import type { PersonRef as PersonRefModel, DepartmentRef as DepartmentRefModel } from '../subgraphs/legal-entity/mappers.js';
import type { FieldProvenanceEntry as FieldProvenanceEntryModel } from '../domain/provenance/provenance.js';
import type { LegalEntityContext } from '../subgraphs/legal-entity/context.js';
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
  /** An exact decimal number as a string. */
  Decimal: { input: string; output: string; }
  IdNumber: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

/** A code and its name from the GB 32100 tables. */
export type CodeName = {
  __typename?: 'CodeName';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type Department = {
  __typename?: 'Department';
  code: Scalars['CreditCode']['output'];
};

export type EntityStatus =
  /** 存续 */
  | 'ACTIVE'
  /** 注销 */
  | 'CANCELLED'
  /** 迁出 */
  | 'MOVED_OUT'
  /** 吊销 */
  | 'REVOKED'
  /** 停业 */
  | 'SUSPENDED';

export type FieldProvenance = {
  __typename?: 'FieldProvenance';
  field: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  source: Department;
};

/** A legal entity, keyed by its Unified Social Credit Code. */
export type LegalEntity = {
  __typename?: 'LegalEntity';
  address?: Maybe<Scalars['String']['output']>;
  businessScope?: Maybe<Scalars['String']['output']>;
  creditCode: Scalars['CreditCode']['output'];
  /** Administrative division (GB/T 2260) from the credit code. */
  divisionCode?: Maybe<Scalars['String']['output']>;
  establishedOn?: Maybe<Scalars['Date']['output']>;
  legalRepresentative?: Maybe<Person>;
  name?: Maybe<Scalars['String']['output']>;
  /** Derived from the credit code's second character. */
  organisationType?: Maybe<CodeName>;
  provenance: Array<FieldProvenance>;
  registeredCapital?: Maybe<Money>;
  /** Derived from the credit code's first character. */
  registrationAuthority?: Maybe<CodeName>;
  status?: Maybe<EntityStatus>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  /** ISO 4217, e.g. CNY. */
  currency: Scalars['String']['output'];
};

export type MoneyInput = {
  amount: Scalars['Decimal']['input'];
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  registerLegalEntity: LegalEntity;
  /** Updates an entity if it is still at expectedVersion; otherwise CONFLICT and nothing is written. */
  updateLegalEntity: LegalEntity;
};


export type MutationRegisterLegalEntityArgs = {
  input: RegisterLegalEntityInput;
};


export type MutationUpdateLegalEntityArgs = {
  input: UpdateLegalEntityInput;
};

export type Person = {
  __typename?: 'Person';
  idNumber: Scalars['IdNumber']['output'];
  /**
   * Legal entities this person is the legal representative of. Nullable on
   * purpose: it extends Person from another subgraph, and if this service is
   * unavailable the person must still come back (with this field null and an
   * error naming the service), not be nulled whole.
   */
  representedEntities?: Maybe<Array<LegalEntity>>;
};

export type Query = {
  __typename?: 'Query';
  /** Up to 500 entities, in the order asked; null where unknown. */
  legalEntities: Array<Maybe<LegalEntity>>;
  legalEntity?: Maybe<LegalEntity>;
};


export type QueryLegalEntitiesArgs = {
  creditCodes: Array<Scalars['CreditCode']['input']>;
};


export type QueryLegalEntityArgs = {
  creditCode: Scalars['CreditCode']['input'];
};

export type RegisterLegalEntityInput = {
  address: Scalars['String']['input'];
  businessScope?: InputMaybe<Scalars['String']['input']>;
  creditCode: Scalars['CreditCode']['input'];
  establishedOn: Scalars['Date']['input'];
  legalRepresentative: Scalars['IdNumber']['input'];
  name: Scalars['String']['input'];
  registeredCapital?: InputMaybe<MoneyInput>;
  status?: InputMaybe<EntityStatus>;
};

export type UpdateLegalEntityInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  businessScope?: InputMaybe<Scalars['String']['input']>;
  creditCode: Scalars['CreditCode']['input'];
  establishedOn?: InputMaybe<Scalars['Date']['input']>;
  expectedVersion: Scalars['Int']['input'];
  legalRepresentative?: InputMaybe<Scalars['IdNumber']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  registeredCapital?: InputMaybe<MoneyInput>;
  status?: InputMaybe<EntityStatus>;
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
  Person: Person;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"creditCode":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"idNumber":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CodeName: ResolverTypeWrapper<Partial<CodeName>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  CreditCode: ResolverTypeWrapper<Partial<Scalars['CreditCode']['output']>>;
  Date: ResolverTypeWrapper<Partial<Scalars['Date']['output']>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Decimal: ResolverTypeWrapper<Partial<Scalars['Decimal']['output']>>;
  Department: ResolverTypeWrapper<DepartmentRefModel>;
  EntityStatus: ResolverTypeWrapper<Partial<EntityStatus>>;
  FieldProvenance: ResolverTypeWrapper<FieldProvenanceEntryModel>;
  IdNumber: ResolverTypeWrapper<Partial<Scalars['IdNumber']['output']>>;
  LegalEntity: ResolverTypeWrapper<LegalEntityModel>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  Money: ResolverTypeWrapper<Partial<Money>>;
  MoneyInput: ResolverTypeWrapper<Partial<MoneyInput>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterLegalEntityInput: ResolverTypeWrapper<Partial<RegisterLegalEntityInput>>;
  UpdateLegalEntityInput: ResolverTypeWrapper<Partial<UpdateLegalEntityInput>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CodeName: Partial<CodeName>;
  String: Partial<Scalars['String']['output']>;
  CreditCode: Partial<Scalars['CreditCode']['output']>;
  Date: Partial<Scalars['Date']['output']>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  Decimal: Partial<Scalars['Decimal']['output']>;
  Department: DepartmentRefModel;
  FieldProvenance: FieldProvenanceEntryModel;
  IdNumber: Partial<Scalars['IdNumber']['output']>;
  LegalEntity: LegalEntityModel;
  Int: Partial<Scalars['Int']['output']>;
  Money: Partial<Money>;
  MoneyInput: Partial<MoneyInput>;
  Mutation: Record<PropertyKey, never>;
  Person: PersonRefModel;
  Query: Record<PropertyKey, never>;
  RegisterLegalEntityInput: Partial<RegisterLegalEntityInput>;
  UpdateLegalEntityInput: Partial<UpdateLegalEntityInput>;
  Boolean: Partial<Scalars['Boolean']['output']>;
};

export type CodeNameResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['CodeName'] = ResolversParentTypes['CodeName']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface CreditCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CreditCode'], any> {
  name: 'CreditCode';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DepartmentResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = {
  code?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
};

export type FieldProvenanceResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
};

export interface IdNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IdNumber'], any> {
  name: 'IdNumber';
}

export type LegalEntityResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  businessScope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  creditCode?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
  divisionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  establishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organisationType?: Resolver<Maybe<ResolversTypes['CodeName']>, ParentType, ContextType>;
  provenance?: Resolver<Array<ResolversTypes['FieldProvenance']>, ParentType, ContextType>;
  registeredCapital?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  registrationAuthority?: Resolver<Maybe<ResolversTypes['CodeName']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['EntityStatus']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  registerLegalEntity?: Resolver<ResolversTypes['LegalEntity'], ParentType, ContextType, RequireFields<MutationRegisterLegalEntityArgs, 'input'>>;
  updateLegalEntity?: Resolver<ResolversTypes['LegalEntity'], ParentType, ContextType, RequireFields<MutationUpdateLegalEntityArgs, 'input'>>;
};

export type PersonResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  idNumber?: Resolver<ResolversTypes['IdNumber'], ParentType, ContextType>;
  representedEntities?: Resolver<Maybe<Array<ResolversTypes['LegalEntity']>>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = LegalEntityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  legalEntities?: Resolver<Array<Maybe<ResolversTypes['LegalEntity']>>, ParentType, ContextType, RequireFields<QueryLegalEntitiesArgs, 'creditCodes'>>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType, RequireFields<QueryLegalEntityArgs, 'creditCode'>>;
};

export type Resolvers<ContextType = LegalEntityContext> = {
  CodeName?: CodeNameResolvers<ContextType>;
  CreditCode?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Department?: DepartmentResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  IdNumber?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

