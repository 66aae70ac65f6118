import { issueReason } from '@socialcrm/validation';
import { useForm } from '@tanstack/vue-form';
import { computed, type Ref } from 'vue';
import type { z } from 'zod';
import {
  type AppErrorInfo,
  type FieldProblem,
  fieldMessages,
  parseFieldPath,
} from './graphql-errors.js';
import { useProblemText } from './use-problem-text.js';

/** A schema's problems with an input, shaped as the api reports them (field, index, reason). */
export function schemaProblems(schema: z.ZodType, input: unknown): FieldProblem[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    ...parseFieldPath(issue.path.map(String).join('.')),
    message: issue.message,
    ...issueReason(issue),
  }));
}

interface SchemaFormOptions<V extends object, S extends z.ZodType> {
  defaultValues: V;
  /** The api's own schema for this input (from @socialcrm/validation). */
  schema: S;
  /** The form's values as the api's input. */
  toInput: (values: V) => unknown;
  onSubmit: (input: z.output<S>, values: V) => Promise<void> | void;
  /** The api's answer to the last submit: its field problems show on the fields. */
  serverError?: Ref<AppErrorInfo | null>;
  /** Term lists, so a problem with one term names it (`“#bad tag”: …`). */
  lists?: (values: V) => Record<string, readonly string[]>;
  /** The form field that shows a problem at an input path (`settings.feedUrl` → `feedUrl`). */
  fieldOf?: (path: string, values: V) => string | undefined;
}

/**
 * A TanStack Form checked with the same zod schema the api validates with, so both refuse the
 * same values with the same reasons, said in the user's language. Checks on submit, then on
 * every change once the user has tried to submit.
 */
export function useSchemaForm<V extends object, S extends z.ZodType>(
  options: SchemaFormOptions<V, S>,
) {
  const describe = useProblemText();
  const onFields = (problems: FieldProblem[], values: V) =>
    problems.map((problem) => ({
      ...problem,
      field: options.fieldOf?.(problem.path, values) ?? problem.field,
    }));
  const validate = ({ value }: { value: V }) => {
    const problems = schemaProblems(options.schema, options.toInput(value));
    if (!problems.length) return undefined;
    return {
      fields: fieldMessages(onFields(problems, value), options.lists?.(value) ?? {}, describe),
    };
  };
  const form = useForm({
    defaultValues: options.defaultValues,
    validators: {
      onSubmit: validate,
      onChange: ({ value, formApi }) =>
        formApi.state.submissionAttempts > 0 ? validate({ value }) : undefined,
    },
    onSubmit: async ({ value }) => {
      await options.onSubmit(options.schema.parse(options.toInput(value)), value);
    },
  });

  const fieldMeta = form.useStore((state) => state.fieldMeta);
  const values = form.useStore((state) => state.values);
  const serverMessages = computed(() =>
    fieldMessages(
      onFields(options.serverError?.value?.fields ?? [], values.value as V),
      options.lists?.(values.value as V) ?? {},
      describe,
    ),
  );

  /** The field's first problem: the form's own check first, then the api's. */
  function errorOf(name: string): string | undefined {
    const meta = (fieldMeta.value as Record<string, { errors?: unknown[] } | undefined>)[name];
    const own = meta?.errors?.find((error) => typeof error === 'string');
    return (own as string | undefined) ?? serverMessages.value[name];
  }

  return { form, errorOf, values };
}
