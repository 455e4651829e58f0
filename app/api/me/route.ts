import { route } from "@/app/_server/route";

/** Who the session belongs to: login and role (never the session token). */
export const GET = route({ role: "member" }, async (_request, { user }) =>
  Response.json({ user: { login: user.login, name: user.name, role: user.role } }),
);
