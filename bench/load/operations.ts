/**
 * The GraphQL documents of the mixed workload, the errors it expects (none),
 * and how a GraphQL answer is judged before its data is: HTTP status, JSON,
 * then `errors` against {@link EXPECTED_ERRORS}.
 */
import type { OpKind } from './protocol.js';

/**
 * GraphQL errors this mix accepts as correct answers, by request kind and
 * `extensions.code` (and `reason`). It is empty on purpose: every request of
 * the mix is valid and authorised, so any error is a failure. A mix that adds
 * refused requests (e.g. a read without a grant, answered FORBIDDEN NO_GRANT)
 * lists them here, and only those pass.
 */
export const EXPECTED_ERRORS: ReadonlyArray<{ readonly kind: OpKind; readonly code: string; readonly reason?: string }> = [];

/** An answer as the HTTP client got it. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Why an answer is not the one expected. */
export interface Failure {
  readonly category: string;
  readonly detail: string;
}

/** A request ready to send, and how to judge its answer. */
export interface PreparedRequest {
  readonly kind: OpKind;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The request without credentials, for error reports. */
  readonly describe: string;
  /** Judges the answer (undefined: as expected) and moves the workload's state on. */
  check(answer: Answer): Failure | undefined;
}

/** A department reads one person, nested across three subgraphs. */
export const READ = /* GraphQL */ `query LoadRead($id: IdNumber!) {
  person(idNumber: $id) {
    idNumber name gender birthDate phone residenceAddress
    licenses { licenseId status type { name } holderName validUntil }
    representedEntities { creditCode name status legalRepresentative { idNumber name } licenses { licenseId status type { name } } }
  }
}`;

/** An issuing department issues a licence (the token comes back: the issuer is the provider of its own licence items). */
export const ISSUE = /* GraphQL */ `mutation LoadIssue($input: IssueLicenseInput!) {
  issueLicense(input: $input) { licenseId version status token holderIdentifier holderName issuingDepartment { code } }
}`;

/** Online verification, with the holder the window expects. */
export const VERIFY = /* GraphQL */ `query LoadVerify($token: String!, $holder: String) {
  verifyLicense(token: $token, expectedHolder: $holder) { verdict kind checks { name ok skipped reason } license { licenseId holderIdentifier } status { value source } }
}`;

/** A consumer asks a provider for conditional items, for a purpose. */
export const REQUEST = /* GraphQL */ `mutation LoadRequestSharing($input: RequestSharingInput!) {
  requestSharing(input: $input) { id status items purpose consumer { code } provider { code } }
}`;

/** An administrator approves a request: a grant with a level and an expiry. */
export const APPROVE = /* GraphQL */ `mutation LoadApprove($input: ApproveSharingRequestInput!) {
  approveSharingRequest(input: $input) { id status grant { id accessLevel active items purpose } }
}`;

/** "Can I read this item for this purpose?" — answered from the grants, no data read. */
export const CHECK = /* GraphQL */ `query LoadAccessCheck($items: [String!]!, $purpose: String) {
  accessCheck(items: $items, purpose: $purpose) { item allowed level reason grantId }
}`;

/** An administrator revokes a grant. */
export const REVOKE = /* GraphQL */ `mutation LoadRevoke($id: ID!, $reason: String!) {
  revokeGrant(id: $id, reason: $reason) { id active revokeReason }
}`;

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; path?: unknown[]; extensions?: { code?: string; reason?: string } }>;
}

/** The answer's `data`, or why the answer is not a good one. */
export function parseGraphql(answer: Answer, kind: OpKind): { data: Record<string, unknown> } | Failure {
  if (answer.status >= 500) return { category: 'http-5xx', detail: `HTTP ${answer.status}: ${answer.body.slice(0, 400)}` };
  if (answer.status !== 200) return { category: answer.status === 429 ? 'http-429' : 'http-4xx', detail: `HTTP ${answer.status}: ${answer.body.slice(0, 400)}` };
  let json: GraphqlBody;
  try {
    json = JSON.parse(answer.body) as GraphqlBody;
  } catch {
    return { category: 'not-json', detail: answer.body.slice(0, 200) };
  }
  const unexpected = (json.errors ?? []).filter((e) => !EXPECTED_ERRORS.some((x) => x.kind === kind && x.code === e.extensions?.code && (x.reason === undefined || x.reason === e.extensions?.reason)));
  if (unexpected.length > 0) {
    const first = unexpected[0]!;
    return {
      category: 'graphql-error',
      detail: `${unexpected.length} error(s); first: ${first.extensions?.code ?? '?'}${first.extensions?.reason ? `/${first.extensions.reason}` : ''} "${first.message ?? ''}" at ${JSON.stringify(first.path ?? [])}`,
    };
  }
  if (!json.data) return { category: 'check', detail: 'no data in the answer' };
  return { data: json.data };
}

/** True for a {@link Failure}. */
export const isFailure = (x: unknown): x is Failure => typeof x === 'object' && x !== null && 'category' in x;
/** A failed data check. */
export const fail = (detail: string): Failure => ({ category: 'check', detail });

