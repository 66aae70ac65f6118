import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * A rule of the domain's segment rule language as JSON. The scalar only carries it: the
 * segments service checks it with the domain's validator, so each problem comes back as a bad
 * input naming its place in the rule (`input.rule.$.all[2].value`), as any other field.
 */
export const SegmentRuleScalar = new GraphQLScalarType({
  name: 'SegmentRule',
  description:
    'A segment rule as JSON: `{ all: [...] }`, `{ any: [...] }`, `{ not: rule }` or a condition `{ field, op, value | values | from, to | amount, unit }` over the fields of `segmentFields`. `{ all: [] }` matches everyone.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
