"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { actorOf } from "@/lib/auth/roles";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { issueCategories, issueSeverities } from "@/lib/db/schema/issues";
import { recategorizeIssue as recategorize, setIssuePinned, setIssueSkipped } from "@/lib/issues/triage";
import { prioritizeSettings } from "@/lib/prioritize/prioritize-settings";
import { resolveSettingValues } from "@/lib/settings/team";

// Triage is for members and admins: the role is checked here, whatever the page shows.
const target = z.object({ issueId: z.number().int().positive() });

/** Pinned issues are claimed before any other; audited as `user:<login>`. */
export const pinIssue = action(
  { role: "member", input: target.extend({ pinned: z.boolean() }) },
  async ({ issueId, pinned }, { user }) => {
    const change = await setIssuePinned(await getProcessDb(), issueId, pinned, actorOf(user));
    revalidatePath("/issues");
    return change;
  },
);

/** Skipped issues are never handed to an agent; audited. */
export const skipIssue = action(
  { role: "member", input: target.extend({ skipped: z.boolean() }) },
  async ({ issueId, skipped }, { user }) => {
    const change = await setIssueSkipped(await getProcessDb(), issueId, skipped, actorOf(user));
    revalidatePath("/issues");
    return change;
  },
);

/** A person's category (and severity), kept from then on; the issue is ranked again with the team's weights. */
export const recategorizeIssue = action(
  {
    role: "member",
    input: target.extend({
      category: z.enum(issueCategories),
      severity: z.enum(issueSeverities).optional(),
    }),
  },
  async (input, { user }) => {
    const db = await getProcessDb();
    const settings = await resolveSettingValues(db, processDatabase().machine);
    const result = await recategorize(db, {
      ...input,
      actor: actorOf(user),
      prioritize: prioritizeSettings(settings),
    });
    revalidatePath("/issues");
    return result;
  },
);
