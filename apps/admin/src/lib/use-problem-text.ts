import { useI18n } from 'vue-i18n';
import type { FieldProblem } from './graphql-errors.js';

/** A server field problem in the user's language when the api gave its reason; else its words. */
export function useProblemText(): (problem: FieldProblem) => string {
  const { t, te } = useI18n();
  return (problem) => {
    // A bad format says which: "not a valid email address" rather than "not valid here".
    const format = `errors.fields.formats.${problem.params?.format}`;
    if (problem.reason === 'INVALID_FORMAT' && te(format)) return t(format);
    const key = `errors.fields.${problem.reason}`;
    return problem.reason && te(key) ? t(key, problem.params ?? {}) : problem.message;
  };
}
