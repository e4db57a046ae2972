import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Department as DepartmentModel } from '../subgraphs/sharing/department.entity.js';
import type { Principal as PrincipalModel } from '../auth/principal.js';
import type { CatalogItem as CatalogItemModel } from '../subgraphs/sharing/catalog-item.entity.js';
import type { SharingRequest as SharingRequestModel, Grant as GrantModel } from '../subgraphs/sharing/grant.entity.js';
import type { AuditRecordRow as AuditRecordRowModel, Alert as AlertModel } from '../subgraphs/sharing/audit.entity.js';
import type { SharingContext } from '../subgraphs/sharing/context.js';
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
  DateTime: { input: Date | string; output: Date | string; }
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: string; output: string; }
};

/** Whether the caller may read one item, and why (a dry run: no data is read). */
export type AccessDecision = {
  __typename?: 'AccessDecision';
  allowed: Scalars['Boolean']['output'];
  grantId?: Maybe<Scalars['ID']['output']>;
  item: Scalars['String']['output'];
  /** FULL or MASKED when allowed. */
  level?: Maybe<AccessLevel>;
  message?: Maybe<Scalars['String']['output']>;
  /** PROVIDER, SELF, UNCONDITIONAL, OPEN or GRANT when allowed; NO_GRANT, GRANT_EXPIRED, PURPOSE_MISMATCH… when not. */
  reason: Scalars['String']['output'];
};

export type AccessLevel =
  | 'FULL'
  | 'MASKED';

/** One read of a citizen's data, as the citizen sees it in their access log. */
export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  at: Scalars['DateTime']['output'];
  department: Department;
  /** Catalogue items read (never the values). */
  fields: Array<Scalars['String']['output']>;
  purpose?: Maybe<Scalars['String']['output']>;
};

/** An early-warning alert for supervisors. */
export type Alert = {
  __typename?: 'Alert';
  acknowledged: Scalars['Boolean']['output'];
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy?: Maybe<Scalars['String']['output']>;
  department: Department;
  details: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  raisedAt: Scalars['DateTime']['output'];
  /** BULK_READ, REPEATED_DENIALS or OUT_OF_HOURS. */
  rule: Scalars['String']['output'];
};

export type ApproveSharingRequestInput = {
  accessLevel: AccessLevel;
  expiresAt: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};

/** One record of the audit trail (supervisors). */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  at: Scalars['DateTime']['output'];
  department: Department;
  fields: Array<Scalars['String']['output']>;
  grantIds: Array<Scalars['String']['output']>;
  operator: Scalars['String']['output'];
  /** READ or DENIED. */
  outcome: Scalars['String']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  requestId: Scalars['String']['output'];
  role: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
  subject: Scalars['String']['output'];
  subjectKind: Scalars['String']['output'];
};

/** One administrator change to a catalogue item. */
export type CatalogChange = {
  __typename?: 'CatalogChange';
  after: Scalars['JSON']['output'];
  before?: Maybe<Scalars['JSON']['output']>;
  changedAt: Scalars['DateTime']['output'];
  changedBy: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** One information item of the government data resource catalogue. */
export type CatalogItem = {
  __typename?: 'CatalogItem';
  field: Scalars['String']['output'];
  history: Array<CatalogChange>;
  /** Resource.field, e.g. Person.phone or License.data.<type code>.<field>. */
  id: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** How a MASKED grant shows the value (null: masked values read as null). */
  maskKind?: Maybe<MaskKind>;
  openAttribute: OpenAttribute;
  /** Reads of personal items are audited. */
  personal: Scalars['Boolean']['output'];
  /** Null on licence items: the department that issued each licence provides it. */
  provider?: Maybe<Department>;
  resource: Scalars['String']['output'];
  sensitivity: Sensitivity;
  sharingCondition?: Maybe<Scalars['String']['output']>;
  sharingType: SharingType;
  updateCycle: UpdateCycle;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

/** A government department known to the hub. */
export type Department = {
  __typename?: 'Department';
  /** The organ's Unified Social Credit Code. */
  code: Scalars['CreditCode']['output'];
  /** Administrative division (GB/T 2260) of the department. */
  divisionCode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** Permission for a department to read items for one purpose until a date. */
export type Grant = {
  __typename?: 'Grant';
  accessLevel: AccessLevel;
  /** Expired or revoked grants are not active. */
  active: Scalars['Boolean']['output'];
  consumer: Department;
  expiresAt: Scalars['DateTime']['output'];
  grantedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  items: Array<Scalars['String']['output']>;
  legalBasis: Scalars['String']['output'];
  provider: Department;
  purpose: Scalars['String']['output'];
  revokeReason?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scenario: Scalars['String']['output'];
};

export type MaskKind =
  | 'ADDRESS'
  | 'CREDIT_CODE'
  | 'DATE'
  | 'ID_NUMBER'
  | 'NAME'
  | 'PHONE'
  | 'TEXT';

export type Mutation = {
  __typename?: 'Mutation';
  /** Supervisors: mark an alert as seen. */
  acknowledgeAlert: Alert;
  /** The provider (or an administrator) approves: a grant with a level and an expiry. */
  approveSharingRequest: SharingRequest;
  /** The provider (or an administrator) refuses, with reasons. */
  refuseSharingRequest: SharingRequest;
  /** Administrators only. */
  registerDepartment: Department;
  /** A consumer department asks a provider for conditional items. */
  requestSharing: SharingRequest;
  /** The provider (or an administrator) revokes a grant. */
  revokeGrant: Grant;
  /** Administrators: change an item's sharing attributes (recorded in its history). */
  updateCatalogItem: CatalogItem;
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveSharingRequestArgs = {
  input: ApproveSharingRequestInput;
};


export type MutationRefuseSharingRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRegisterDepartmentArgs = {
  input: RegisterDepartmentInput;
};


export type MutationRequestSharingArgs = {
  input: RequestSharingInput;
};


export type MutationRevokeGrantArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdateCatalogItemArgs = {
  input: UpdateCatalogItemInput;
};

export type OpenAttribute =
  | 'CONDITIONALLY_OPEN'
  | 'NOT_OPEN'
  | 'OPEN';

export type Query = {
  __typename?: 'Query';
  /** Can I read these items (for this purpose)? Per item, with the reason; reads no data. */
  accessCheck: Array<AccessDecision>;
  /** Supervisors: early-warning alerts. */
  alerts: Array<Alert>;
  /** Supervisors: the audit trail by department, subject or time (newest first, at most 1000). */
  auditTrail: Array<AuditRecord>;
  /** The data catalogue, optionally one resource or one sharing type. */
  catalog: Array<CatalogItem>;
  department?: Maybe<Department>;
  departments: Array<Department>;
  /** Grants to or from the caller's department (administrators: all). */
  grants: Array<Grant>;
  /** Citizens: every read of my data — when, which department, which fields, for what purpose. */
  myAccessLog: Array<AccessLogEntry>;
  /** The open list: items that may be published. */
  openList: Array<CatalogItem>;
  /** The sharing list: items shared unconditionally or on request. */
  sharingList: Array<CatalogItem>;
  /** Requests the caller's department made or must answer (administrators: all). */
  sharingRequests: Array<SharingRequest>;
  viewer: Viewer;
};


export type QueryAccessCheckArgs = {
  items: Array<Scalars['String']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAlertsArgs = {
  acknowledged?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryAuditTrailArgs = {
  department?: InputMaybe<Scalars['CreditCode']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryCatalogArgs = {
  resource?: InputMaybe<Scalars['String']['input']>;
  sharingType?: InputMaybe<SharingType>;
};


export type QueryDepartmentArgs = {
  code: Scalars['CreditCode']['input'];
};


export type QueryGrantsArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMyAccessLogArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QuerySharingRequestsArgs = {
  status?: InputMaybe<RequestStatus>;
};

export type RegisterDepartmentInput = {
  code: Scalars['CreditCode']['input'];
  divisionCode: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type RequestSharingInput = {
  items: Array<Scalars['String']['input']>;
  legalBasis: Scalars['String']['input'];
  provider: Scalars['CreditCode']['input'];
  /** A purpose code the grant will be bound to, e.g. TAX_REGISTRATION. */
  purpose: Scalars['String']['input'];
  scenario: Scalars['String']['input'];
};

export type RequestStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REFUSED'
  | 'WITHDRAWN';

export type Role =
  | 'ADMIN'
  | 'CITIZEN'
  | 'DEPARTMENT_SYSTEM'
  | 'OPERATOR'
  | 'SUPERVISOR';

export type Sensitivity =
  | 'HIGHLY_SENSITIVE'
  | 'INTERNAL'
  | 'PUBLIC'
  | 'SENSITIVE';

/** A consumer department's request for conditional items. */
export type SharingRequest = {
  __typename?: 'SharingRequest';
  consumer: Department;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** 2 working days of review plus 5 for the provider. */
  dueAt: Scalars['DateTime']['output'];
  grant?: Maybe<Grant>;
  id: Scalars['ID']['output'];
  items: Array<Scalars['String']['output']>;
  legalBasis: Scalars['String']['output'];
  /** Still pending past its due date. */
  overdue: Scalars['Boolean']['output'];
  provider: Department;
  purpose: Scalars['String']['output'];
  refusalReason?: Maybe<Scalars['String']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  scenario: Scalars['String']['output'];
  status: RequestStatus;
};

export type SharingType =
  /** 有条件共享 */
  | 'CONDITIONAL'
  /** 不予共享 */
  | 'NOT_SHARED'
  /** 无条件共享 */
  | 'UNCONDITIONAL';

export type UpdateCatalogItemInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['String']['input'];
  maskKind?: InputMaybe<MaskKind>;
  openAttribute?: InputMaybe<OpenAttribute>;
  reason: Scalars['String']['input'];
  sensitivity?: InputMaybe<Sensitivity>;
  sharingCondition?: InputMaybe<Scalars['String']['input']>;
  sharingType?: InputMaybe<SharingType>;
};

export type UpdateCycle =
  | 'DAILY'
  | 'MONTHLY'
  | 'ON_CHANGE'
  | 'REAL_TIME'
  | 'WEEKLY'
  | 'YEARLY';

/** Who the caller is, as the hub understood the bearer token. */
export type Viewer = {
  __typename?: 'Viewer';
  department?: Maybe<Department>;
  role: Role;
  subject: Scalars['String']['output'];
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
  Department: Department;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"code":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessDecision: ResolverTypeWrapper<Partial<AccessDecision>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  ID: ResolverTypeWrapper<Partial<Scalars['ID']['output']>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  AccessLevel: ResolverTypeWrapper<Partial<AccessLevel>>;
  AccessLogEntry: ResolverTypeWrapper<AuditRecordRowModel>;
  Alert: ResolverTypeWrapper<AlertModel>;
  ApproveSharingRequestInput: ResolverTypeWrapper<Partial<ApproveSharingRequestInput>>;
  AuditRecord: ResolverTypeWrapper<AuditRecordRowModel>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  CatalogChange: ResolverTypeWrapper<Partial<CatalogChange>>;
  CatalogItem: ResolverTypeWrapper<CatalogItemModel>;
  CreditCode: ResolverTypeWrapper<Partial<Scalars['CreditCode']['output']>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Department: ResolverTypeWrapper<DepartmentModel>;
  Grant: ResolverTypeWrapper<GrantModel>;
  JSON: ResolverTypeWrapper<Partial<Scalars['JSON']['output']>>;
  MaskKind: ResolverTypeWrapper<Partial<MaskKind>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenAttribute: ResolverTypeWrapper<Partial<OpenAttribute>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterDepartmentInput: ResolverTypeWrapper<Partial<RegisterDepartmentInput>>;
  RequestSharingInput: ResolverTypeWrapper<Partial<RequestSharingInput>>;
  RequestStatus: ResolverTypeWrapper<Partial<RequestStatus>>;
  Role: ResolverTypeWrapper<Partial<Role>>;
  Sensitivity: ResolverTypeWrapper<Partial<Sensitivity>>;
  SharingRequest: ResolverTypeWrapper<SharingRequestModel>;
  SharingType: ResolverTypeWrapper<Partial<SharingType>>;
  UpdateCatalogItemInput: ResolverTypeWrapper<Partial<UpdateCatalogItemInput>>;
  UpdateCycle: ResolverTypeWrapper<Partial<UpdateCycle>>;
  Viewer: ResolverTypeWrapper<PrincipalModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessDecision: Partial<AccessDecision>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  ID: Partial<Scalars['ID']['output']>;
  String: Partial<Scalars['String']['output']>;
  AccessLogEntry: AuditRecordRowModel;
  Alert: AlertModel;
  ApproveSharingRequestInput: Partial<ApproveSharingRequestInput>;
  AuditRecord: AuditRecordRowModel;
  Int: Partial<Scalars['Int']['output']>;
  CatalogChange: Partial<CatalogChange>;
  CatalogItem: CatalogItemModel;
  CreditCode: Partial<Scalars['CreditCode']['output']>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  Department: DepartmentModel;
  Grant: GrantModel;
  JSON: Partial<Scalars['JSON']['output']>;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  RegisterDepartmentInput: Partial<RegisterDepartmentInput>;
  RequestSharingInput: Partial<RequestSharingInput>;
  SharingRequest: SharingRequestModel;
  UpdateCatalogItemInput: Partial<UpdateCatalogItemInput>;
  Viewer: PrincipalModel;
};

export type AccessDecisionResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['AccessDecision'] = ResolversParentTypes['AccessDecision']> = {
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  grantId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  item?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['AccessLevel']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccessLogEntryResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['AccessLogEntry'] = ResolversParentTypes['AccessLogEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AlertResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = {
  acknowledged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditRecordResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  grantIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CatalogChangeResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['CatalogChange'] = ResolversParentTypes['CatalogChange']> = {
  after?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CatalogItemResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['CatalogItem'] = ResolversParentTypes['CatalogItem']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['CatalogChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maskKind?: Resolver<Maybe<ResolversTypes['MaskKind']>, ParentType, ContextType>;
  openAttribute?: Resolver<ResolversTypes['OpenAttribute'], ParentType, ContextType>;
  personal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sensitivity?: Resolver<ResolversTypes['Sensitivity'], ParentType, ContextType>;
  sharingCondition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sharingType?: Resolver<ResolversTypes['SharingType'], ParentType, ContextType>;
  updateCycle?: Resolver<ResolversTypes['UpdateCycle'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface CreditCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CreditCode'], any> {
  name: 'CreditCode';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DepartmentResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['CreditCode'], ParentType, ContextType>;
  divisionCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GrantResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Grant'] = ResolversParentTypes['Grant']> = {
  accessLevel?: Resolver<ResolversTypes['AccessLevel'], ParentType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  consumer?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scenario?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationAcknowledgeAlertArgs, 'id'>>;
  approveSharingRequest?: Resolver<ResolversTypes['SharingRequest'], ParentType, ContextType, RequireFields<MutationApproveSharingRequestArgs, 'input'>>;
  refuseSharingRequest?: Resolver<ResolversTypes['SharingRequest'], ParentType, ContextType, RequireFields<MutationRefuseSharingRequestArgs, 'id' | 'reason'>>;
  registerDepartment?: Resolver<ResolversTypes['Department'], ParentType, ContextType, RequireFields<MutationRegisterDepartmentArgs, 'input'>>;
  requestSharing?: Resolver<ResolversTypes['SharingRequest'], ParentType, ContextType, RequireFields<MutationRequestSharingArgs, 'input'>>;
  revokeGrant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType, RequireFields<MutationRevokeGrantArgs, 'id' | 'reason'>>;
  updateCatalogItem?: Resolver<ResolversTypes['CatalogItem'], ParentType, ContextType, RequireFields<MutationUpdateCatalogItemArgs, 'input'>>;
};

export type QueryResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessCheck?: Resolver<Array<ResolversTypes['AccessDecision']>, ParentType, ContextType, RequireFields<QueryAccessCheckArgs, 'items'>>;
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType, Partial<QueryAlertsArgs>>;
  auditTrail?: Resolver<Array<ResolversTypes['AuditRecord']>, ParentType, ContextType, Partial<QueryAuditTrailArgs>>;
  catalog?: Resolver<Array<ResolversTypes['CatalogItem']>, ParentType, ContextType, Partial<QueryCatalogArgs>>;
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType, RequireFields<QueryDepartmentArgs, 'code'>>;
  departments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['Grant']>, ParentType, ContextType, Partial<QueryGrantsArgs>>;
  myAccessLog?: Resolver<Array<ResolversTypes['AccessLogEntry']>, ParentType, ContextType, Partial<QueryMyAccessLogArgs>>;
  openList?: Resolver<Array<ResolversTypes['CatalogItem']>, ParentType, ContextType>;
  sharingList?: Resolver<Array<ResolversTypes['CatalogItem']>, ParentType, ContextType>;
  sharingRequests?: Resolver<Array<ResolversTypes['SharingRequest']>, ParentType, ContextType, Partial<QuerySharingRequestsArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type SharingRequestResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['SharingRequest'] = ResolversParentTypes['SharingRequest']> = {
  consumer?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grant?: Resolver<Maybe<ResolversTypes['Grant']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refusalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scenario?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RequestStatus'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = SharingContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SharingContext> = {
  AccessDecision?: AccessDecisionResolvers<ContextType>;
  AccessLogEntry?: AccessLogEntryResolvers<ContextType>;
  Alert?: AlertResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  CatalogChange?: CatalogChangeResolvers<ContextType>;
  CatalogItem?: CatalogItemResolvers<ContextType>;
  CreditCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Department?: DepartmentResolvers<ContextType>;
  Grant?: GrantResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SharingRequest?: SharingRequestResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

