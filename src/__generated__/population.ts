import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Person as PersonModel } from '../subgraphs/population/person.entity.js';
import type { DepartmentRef as DepartmentRefModel } from '../subgraphs/population/mappers.js';
import type { FieldProvenanceEntry as FieldProvenanceEntryModel } from '../domain/provenance/provenance.js';
import type { PopulationContext } from '../subgraphs/population/context.js';
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
  /** Unified Social Credit Code (GB 32100-2015). */
  CreditCode: { input: string; output: string; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, RFC 3339. */
  DateTime: { input: Date | string; output: Date | string; }
  /** Citizen ID number (GB 11643-1999). */
  IdNumber: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type Department = {
  __typename?: 'Department';
  code: Scalars['CreditCode']['output'];
};

/** Where one stored field's current value came from. */
export type FieldProvenance = {
  __typename?: 'FieldProvenance';
  field: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  source: Department;
};

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type LifeStatus =
  | 'ALIVE'
  | 'DECEASED';

export type MaritalStatus =
  | 'DIVORCED'
  | 'MARRIED'
  | 'UNMARRIED'
  | 'WIDOWED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Registers a new person; the caller's department becomes the source of every field given. */
  registerPerson: Person;
  /** Updates a person if it is still at expectedVersion; otherwise CONFLICT and nothing is written. */
  updatePerson: Person;
};


export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


export type MutationUpdatePersonArgs = {
  input: UpdatePersonInput;
};

/**
 * A natural person in the population directory. Data fields are nullable on
 * purpose: field-level sharing rules null out what a caller may not read.
 */
export type Person = {
  __typename?: 'Person';
  /** Derived from the ID number's birth-date digits. */
  birthDate?: Maybe<Scalars['Date']['output']>;
  ethnicity?: Maybe<Scalars['String']['output']>;
  /** Derived from the ID number's sequence digit (odd = male). */
  gender?: Maybe<Gender>;
  /** Household registration (户籍) address. */
  householdAddress?: Maybe<Scalars['String']['output']>;
  idNumber: Scalars['IdNumber']['output'];
  lifeStatus?: Maybe<LifeStatus>;
  maritalStatus?: Maybe<MaritalStatus>;
  name?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-3, e.g. CHN. */
  nationality?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  /** Which department supplied each field, and when. */
  provenance: Array<FieldProvenance>;
  residenceAddress?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Optimistic-concurrency version; pass it back as expectedVersion to update. */
  version: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One person by ID number; null when unknown. */
  person?: Maybe<Person>;
  /** Up to 500 persons, in the order asked; null where unknown. */
  persons: Array<Maybe<Person>>;
};


export type QueryPersonArgs = {
  idNumber: Scalars['IdNumber']['input'];
};


export type QueryPersonsArgs = {
  idNumbers: Array<Scalars['IdNumber']['input']>;
};

export type RegisterPersonInput = {
  /** Optional; when given it must agree with the ID number. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  ethnicity?: InputMaybe<Scalars['String']['input']>;
  /** Optional; when given it must agree with the ID number. */
  gender?: InputMaybe<Gender>;
  householdAddress?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['IdNumber']['input'];
  lifeStatus?: InputMaybe<LifeStatus>;
  maritalStatus?: InputMaybe<MaritalStatus>;
  name: Scalars['String']['input'];
  nationality?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  residenceAddress?: InputMaybe<Scalars['String']['input']>;
};

/** Fields left out are unchanged; null clears an optional field. */
export type UpdatePersonInput = {
  ethnicity?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  householdAddress?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['IdNumber']['input'];
  lifeStatus?: InputMaybe<LifeStatus>;
  maritalStatus?: InputMaybe<MaritalStatus>;
  name?: InputMaybe<Scalars['String']['input']>;
  nationality?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  residenceAddress?: InputMaybe<Scalars['String']['input']>;
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
  Person: Person;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"idNumber":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CreditCode: ResolverTypeWrapper<Partial<Scalars['CreditCode']['output']>>;
  Date: ResolverTypeWrapper<Partial<Scalars['Date']['output']>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Department: ResolverTypeWrapper<DepartmentRefModel>;
  FieldProvenance: ResolverTypeWrapper<FieldProvenanceEntryModel>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Gender: ResolverTypeWrapper<Partial<Gender>>;
  IdNumber: ResolverTypeWrapper<Partial<Scalars['IdNumber']['output']>>;
  LifeStatus: ResolverTypeWrapper<Partial<LifeStatus>>;
  MaritalStatus: ResolverTypeWrapper<Partial<MaritalStatus>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Person: ResolverTypeWrapper<PersonModel>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterPersonInput: ResolverTypeWrapper<Partial<RegisterPersonInput>>;
  UpdatePersonInput: ResolverTypeWrapper<Partial<UpdatePersonInput>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreditCode: Partial<Scalars['CreditCode']['output']>;
  Date: Partial<Scalars['Date']['output']>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  Department: DepartmentRefModel;
  FieldProvenance: FieldProvenanceEntryModel;
  String: Partial<Scalars['String']['output']>;
  IdNumber: Partial<Scalars['IdNumber']['output']>;
  Mutation: Record<PropertyKey, never>;
  Person: PersonModel;
  Int: Partial<Scalars['Int']['output']>;
  Query: Record<PropertyKey, never>;
  RegisterPersonInput: Partial<RegisterPersonInput>;
  UpdatePersonInput: Partial<UpdatePersonInput>;
  Boolean: Partial<Scalars['Boolean']['output']>;
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

export type DepartmentResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = {
  code?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
};

export type FieldProvenanceResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
};

export interface IdNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IdNumber'], any> {
  name: 'IdNumber';
}

export type MutationResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  registerPerson?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationRegisterPersonArgs, 'input'>>;
  updatePerson?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationUpdatePersonArgs, 'input'>>;
};

export type PersonResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  ethnicity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  householdAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idNumber?: Resolver<ResolversTypes['IdNumber'], ParentType, ContextType>;
  lifeStatus?: Resolver<Maybe<ResolversTypes['LifeStatus']>, ParentType, ContextType>;
  maritalStatus?: Resolver<Maybe<ResolversTypes['MaritalStatus']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nationality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Array<ResolversTypes['FieldProvenance']>, ParentType, ContextType>;
  residenceAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'idNumber'>>;
  persons?: Resolver<Array<Maybe<ResolversTypes['Person']>>, ParentType, ContextType, RequireFields<QueryPersonsArgs, 'idNumbers'>>;
};

export type Resolvers<ContextType = PopulationContext> = {
  CreditCode?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Department?: DepartmentResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  IdNumber?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

