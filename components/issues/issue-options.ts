import { assignmentStatuses, issueCategories, issueSeverities } from "@/lib/db/schema/issues";
import type { IssueFilterOptions } from "./issue-view";

const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/**
 * The filter and triage choices, from the schema's own lists. Built on the server and handed to
 * the table as plain data, so the browser bundle does not carry the schema.
 */
export function issueFilterOptions(languages: string[]): IssueFilterOptions {
  return {
    categories: issueCategories.map((value) => ({ value, label: capitalized(value) })),
    severities: issueSeverities.map((value) => ({ value, label: capitalized(value) })),
    statuses: assignmentStatuses.map((value) => ({ value, label: capitalized(value) })),
    languages: languages.map((value) => ({ value, label: value })),
  };
}
