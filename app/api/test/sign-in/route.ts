import { cookies } from "next/headers";
import { z } from "zod";
import { route } from "@/app/_server/route";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { createSession } from "@/lib/auth/sessions";
import { upsertUserByLogin } from "@/lib/auth/users";
import { getProcessDb } from "@/lib/db/process-database";
import { userRoles } from "@/lib/db/schema";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const body = z.object({
  // GitHub's own login rule, so test users look like real ones.
  login: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/, "must be a GitHub login"),
  role: z.enum(userRoles).default("member"),
});

/**
 * End-to-end tests sign in here instead of at GitHub (the approach of the Auth.js testing guide):
 * it writes the same user and database-session rows GitHub sign-in would and sets the same cookie.
 * It answers 404 unless GLOBALLM_TEST_MODE is on AND this is not a production build.
 */
export const POST = route({ role: "public" }, async (request) => {
  // Deliberately `process.env.NODE_ENV` (not lib/env): Next replaces it with a constant at build time,
  // so in a production build this condition is always true and no environment can switch it off.
  if (process.env.NODE_ENV === "production" || !readEnv().GLOBALLM_TEST_MODE) {
    throw new AppError("not_found:api");
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    throw new AppError("bad_request:api", "Expected a JSON body { login, role: admin|member }.");
  }
  const db = await getProcessDb();
  const user = await upsertUserByLogin(db, parsed.data.login, parsed.data.role);
  const session = await createSession(db, user.id);
  const secure = request.nextUrl.protocol === "https:";
  (await cookies()).set(sessionCookieName(secure), session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: session.expires,
  });
  return Response.json({ user: { login: user.login, role: user.role } });
});
