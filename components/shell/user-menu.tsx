import type { SignedInUser } from "@/lib/auth/roles";
import { Badge } from "../ui/badge";
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
      <Avatar user={user} />
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

function Avatar({ user }: { user: SignedInUser }) {
  if (user.image) {
    // biome-ignore lint/performance/noImgElement: avatars come from the configured GitHub host, which next/image would need listed at build time.
    return <img src={user.image} alt="" className="size-7 rounded-full ring-1 ring-zinc-200" />;
  }
  return (
    <span
      aria-hidden="true"
      className="flex size-7 items-center justify-center rounded-full bg-zinc-800 text-xs font-semibold uppercase text-white"
    >
      {user.login.slice(0, 2)}
    </span>
  );
}
