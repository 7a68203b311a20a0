import { z } from "zod";
import { allFieldLabels, fieldLabel, type FieldLabels } from "./field-labels";

/*
 * The one place a zod issue becomes a sentence a person reads. The input schemas word their own
 * checks with the field's label ("Pain during the session must be between 0 and 10"); the few
 * checks zod words itself ("Invalid option: expected one of ...", "Too big: expected number to
 * be <=3") are rewritten here from the issue's code and the field's label.
 */

type Issue = z.core.$ZodIssue;

const englishDefault = z.locales.en().localeError;

/** Whether zod wrote this message itself (the schema gave none). */
function isZodWording(issue: Issue): boolean {
  if (/^(Invalid (input|option|key|element|string|number|date|value|format)|Too (big|small)|Unrecognized key)/.test(issue.message)) {
    return true;
  }
  const fallback = englishDefault(issue as Parameters<typeof englishDefault>[0]);
  const text = typeof fallback === "string" ? fallback : fallback?.message;
  return text !== undefined && text === issue.message;
}

const expectedWords: Record<string, string> = {
  number: "a number",
  string: "text",
  boolean: "yes or no",
  date: "a date",
  array: "a list",
  object: "filled in",
  bigint: "a number",
};

const limit = (value: number | bigint) => (typeof value === "bigint" ? value.toString() : value.toLocaleString("en-GB"));

function unit(origin: string, n: number | bigint): string {
  const one = Number(n) === 1;
  if (origin === "string") return one ? " character" : " characters";
  if (origin === "array" || origin === "set") return one ? " item" : " items";
  return "";
}

/** The sentence zod would have worded, in the vocabulary of the form. */
function reword(issue: Issue, label: string): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return `${label} is required`;
      return `${label} must be ${expectedWords[issue.expected] ?? "filled in correctly"}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return `${label} is required`;
      if (issue.origin === "array" && Number(issue.minimum) === 1) return `Choose at least one: ${label.toLowerCase()}`;
      return `${label} must be at least ${limit(issue.minimum)}${unit(issue.origin, issue.minimum)}`;
    case "too_big":
      return `${label} must be at most ${limit(issue.maximum)}${unit(issue.origin, issue.maximum)}`;
    case "invalid_value":
      return `${label}: choose one of the options`;
    case "invalid_format":
      return issue.format === "uuid" || issue.format === "guid" ? `${label}: choose one from the list` : `${label} is not in the expected format`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `Unexpected fields: ${issue.keys.join(", ")}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return `${label} is not valid`;
  }
}

/**
 * A zod issue as a sentence with the field's label.
 * @param labels the input schema's labels (`sessionLogLabels` etc.); every known label otherwise
 */
export function issueSentence(issue: Issue, labels: FieldLabels = allFieldLabels): string {
  if (!isZodWording(issue)) return issue.message;
  return reword(issue, fieldLabel(issue.path, labels));
}

/**
 * Every issue of a failed parse as sentences keyed by the field's dotted path ("episode.onsetDate"),
 * `_form` for issues of the whole input. The keys stay machine names: forms find their fields by them.
 */
export function fieldErrorsOfIssues(issues: readonly Issue[], labels: FieldLabels = allFieldLabels): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    const sentence = issueSentence(issue, labels);
    const list = (out[key] ??= []);
    if (!list.includes(sentence)) list.push(sentence);
  }
  return out;
}

/**
 * A zod error customiser for parsing in a form (`zodResolver(schema, { error })`): schema-worded
 * checks keep their sentence, zod-worded ones get the form's label.
 */
export const formErrorMap =
  (labels: FieldLabels) =>
  (issue: z.core.$ZodRawIssue): string | undefined => {
    const path = issue.path ?? [];
    return reword({ ...issue, path, message: "" }, fieldLabel(path, labels));
  };
