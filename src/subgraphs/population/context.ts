import type { SubgraphContext } from '../context.js';
import { PersonService } from './person.service.js';

/** The population subgraph's request context. */
export interface PopulationContext extends SubgraphContext {
  readonly persons: PersonService;
}

/** Adds the population services to a base context. */
export function extendPopulationContext(base: SubgraphContext): PopulationContext {
  const ctx = { ...base } as PopulationContext;
  (ctx as { persons: PersonService }).persons = new PersonService(ctx);
  return ctx;
}
