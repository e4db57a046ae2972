/** A Department as this subgraph knows it: a reference the sharing subgraph resolves. */
export interface DepartmentRef {
  readonly code: string;
}
