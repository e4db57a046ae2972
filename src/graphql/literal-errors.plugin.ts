import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import { ValidationError } from '../errors.js';
import { findAppError } from './format-error.js';

/**
 * Finds where in the operation a literal value sits: `person(idNumber:)` or
 * `registerPerson(input.idNumber)`, so the error can name the field.
 */
function locate(document: DocumentNode, target: ASTNode): { field: string; label: string } | undefined {
  const fieldStack: string[] = [];
  const argStack: string[] = [];
  let found: { field: string; label: string } | undefined;
  visit(document, {
    Field: { enter: (n) => void fieldStack.push(n.name.value), leave: () => void fieldStack.pop() },
    Argument: { enter: (n) => void argStack.push(n.name.value), leave: () => void argStack.pop() },
    ObjectField: { enter: (n) => void argStack.push(n.name.value), leave: () => void argStack.pop() },
    enter(node) {
      if (found || node !== target) return undefined;
      const field = argStack.join('.');
      found = { field, label: `${fieldStack.at(-1) ?? 'directive'}(${field})` };
      return false;
    },
  });
  return found;
}

/**
 * graphql-js reports a bad literal (`person(idNumber: "123")`) as "Expected
 * value of type IdNumber!, found …" without saying which argument it was.
 * This plugin rewrites those validation errors, when our scalar refused the
 * value, to name the argument path and keep the failed rule as `reason`.
 */
export function nameLiteralErrors(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors?: readonly Error[]) => {
            if (!errors?.length) return;
            // Apollo hands over the very array it is about to send: replacing entries rewrites the response.
            const list = errors as Error[];
            for (let i = 0; i < list.length; i += 1) {
              const error = list[i];
              if (!(error instanceof GraphQLError)) continue;
              const app = findAppError(error);
              const node = error.nodes?.[0];
              if (!(app instanceof ValidationError) || !node) continue;
              const where = locate(document, node);
              if (!where) continue;
              const located = app.at(where.field);
              list[i] = new GraphQLError(`${where.label}: ${app.message}`, { nodes: error.nodes, originalError: located });
            }
          };
        },
      };
    },
  };
}
