import { GraphQLScalarType, type GraphQLSchema } from 'graphql';

/**
 * Gives the gateway's API schema the hub's real scalar parsers.
 *
 * The supergraph is built from SDL, so its custom scalars accept anything;
 * without this, a bad ID number would travel to a subgraph before being
 * refused. Replacing the parse functions in place makes the gateway's own
 * validation (literals) and variable coercion apply the same rules, so bad
 * input is refused at the edge with BAD_USER_INPUT in every deployment mode.
 * Serialisation stays the identity: values come from subgraphs already formatted.
 */
export function installScalarParsers(schema: GraphQLSchema, scalars: Readonly<Record<string, GraphQLScalarType>>): void {
  for (const [name, impl] of Object.entries(scalars)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.parseValue = impl.parseValue.bind(impl);
    type.parseLiteral = impl.parseLiteral.bind(impl);
  }
}
