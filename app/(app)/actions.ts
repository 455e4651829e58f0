"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { action } from "@/app/_server/action";
import { currentSessionToken } from "@/app/_server/session";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/sessions";
import { getProcessDb } from "@/lib/db/process-database";

/** Ends this browser's session: the row goes first, so a copied cookie is useless afterwards. */
export const signOut = action({ role: "member" }, async () => {
  const token = await currentSessionToken();
  if (token) await deleteSession(await getProcessDb(), token);
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  if (jar.has(SECURE_SESSION_COOKIE)) jar.delete({ name: SECURE_SESSION_COOKIE, secure: true, path: "/" });
  redirect("/sign-in");
});
