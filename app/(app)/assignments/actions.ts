"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { releaseIssue, retryIssue } from "@/lib/assign/release";
import { actorOf } from "@/lib/auth/roles";
import { getProcessDb } from "@/lib/db/process-database";

const issueInput = z.object({ issueId: z.coerce.number().int().positive() });

/** Takes an assigned issue away from its agent, back to available; the event names the admin. */
export const releaseAssignment = action(
  { role: "admin", input: issueInput },
  async ({ issueId }, { user }) => {
    await releaseIssue(await getProcessDb(), issueId, actorOf(user));
    return { issueId };
  },
);

/** A failed issue (or one waiting out its backoff) goes back to available with its attempts reset. */
export const retryAssignment = action({ role: "admin", input: issueInput }, async ({ issueId }, { user }) => {
  await retryIssue(await getProcessDb(), issueId, actorOf(user));
  return { issueId };
});
