import { GraphQLError } from 'graphql';

/** FORBIDDEN naming the field that asked for something the caller may not do. */
export function forbiddenField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'FORBIDDEN', field } });
}

export function notFoundField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'NOT_FOUND', field } });
}
