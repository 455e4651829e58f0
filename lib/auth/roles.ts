import type { UserRole } from "../db/schema";
import { AppError } from "../errors";

/** What a page, route or action asks of its caller: anyone at all, a signed-in member, or an admin. */
export type Access = "public" | UserRole;

/** The signed-in person as every door sees them; never carries a token. */
export interface SignedInUser {
  id: string;
  login: string;
  name: string | null;
  image: string | null;
  role: UserRole;
}

/**
 * The one authorization rule: admins may do what members may, members what anyone may.
 * Throws `unauthorized:auth` for a missing user and `forbidden:auth` for a too-small role.
 */
export function authorize(user: SignedInUser | null, access: Access): SignedInUser | null {
  if (access === "public") return user;
  if (!user) throw new AppError("unauthorized:auth");
  if (access === "admin" && user.role !== "admin") {
    throw new AppError("forbidden:auth", "Only admins can do that.", {
      hint: "Ask an admin, or add your GitHub login to GLOBALLM_ADMINS on the server.",
    });
  }
  return user;
}

export function actorOf(user: SignedInUser): string {
  return `user:${user.login}`;
}
