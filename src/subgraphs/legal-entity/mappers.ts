/** A Person as this subgraph knows it: a key the population subgraph resolves. */
export interface PersonRef {
  readonly idNumber: string;
}

/** A Department as this subgraph knows it. */
export interface DepartmentRef {
  readonly code: string;
}
