import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import type { paths } from './schema';

/**
 * Named views of the generated contract, for props and state that hold an API value:
 * `type Me = ResponseOf<'/api/auth/me'>['user']`. Never write an API shape by hand.
 */
export type ResponseOf<P extends PathsWithMethod<paths, M>, M extends HttpMethod = 'get'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** The JSON body a write takes: `type NewCounter = BodyOf<'/api/mpps/{mppId}/counters', 'post'>`. */
export type BodyOf<P extends PathsWithMethod<paths, M>, M extends HttpMethod> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
