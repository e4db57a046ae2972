/** A Person as this subgraph knows it. */
export interface PersonRef {
  readonly idNumber: string;
}

/** A LegalEntity as this subgraph knows it. */
export interface LegalEntityRef {
  readonly creditCode: string;
}

/** A Department as this subgraph knows it. */
export interface DepartmentRef {
  readonly code: string;
}
