import type { SignedInUser } from "@/lib/auth/roles";
import { Badge } from "../ui/badge";
import { Avatar } from "./avatar";
import { SignOutButton } from "./sign-out-button";

export function UserMenu({
  user,
  signOut,
}: {
  user: SignedInUser;
  signOut: (input: FormData) => Promise<unknown>;
}) {
  return (
    <div className="flex items-center gap-3" data-testid="user-menu">
      <Avatar login={user.login} image={user.image} />
      <div className="flex items-center gap-2">
        <span className="font-medium text-zinc-900" data-testid="user-login">
          {user.login}
        </span>
        <span data-testid="user-role">
          <Badge tone={user.role === "admin" ? "blue" : "neutral"}>{user.role}</Badge>
        </span>
      </div>
      <SignOutButton signOut={signOut} />
    </div>
  );
}
