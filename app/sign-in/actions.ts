"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { githubSignInConfigured, signIn } from "@/app/_server/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { AppError } from "@/lib/errors";
import { loadMachineSettings } from "@/lib/settings/machine";

/** Starts GitHub sign-in (a redirect to GitHub). Public: it is how a visitor becomes a user. */
export const signInWithGitHub = action(
  { role: "public", input: z.object({ callbackUrl: z.string().optional() }) },
  async ({ callbackUrl }) => {
    if (!githubSignInConfigured(loadMachineSettings())) {
      throw new AppError("unavailable:auth", "GitHub sign-in is not configured on this server.", {
        hint: "Set AUTH_GITHUB_ID and AUTH_GITHUB_SECRET and restart GlobaLLM.",
      });
    }
    await signIn("github", { redirectTo: safeCallbackPath(callbackUrl) });
  },
);
