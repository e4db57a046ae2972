import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits a query must stay within before it is executed. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

/**
 * Tuned to the hub's real operations, not left at library defaults: the
 * deepest real query (person → represented entities → legal representative →
 * licences → holder) is 7 levels; a window's richest screen uses a handful of
 * aliases; the largest legitimate document (a 500-ID batch with variables) is
 * well under 1,000 tokens. Each limit leaves about twice that headroom.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 3_000,
  maxCost: 50_000,
});

/**
 * graphql-armor's validation rules and plugins for the gateway: depth, alias,
 * directive, token and cost limits, checked while parsing and validating, so a
 * rejected query costs no more than a small accepted one and never executes.
 * Field suggestions ("did you mean …") are blocked in production: they map the
 * schema for an attacker.
 */
export function queryProtection(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, flattenFragments: true },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
