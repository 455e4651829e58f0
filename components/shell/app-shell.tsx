import Link from "next/link";
import type { ReactNode } from "react";
import type { SignedInUser } from "@/lib/auth/roles";
import { icons } from "../ui/icons";
import { HealthStatus } from "./health-status";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/** The signed-in frame: navigation on the left, the user on top, database status at the bottom. */
export function AppShell({
  user,
  signOut,
  children,
}: {
  user: SignedInUser;
  signOut: (input: FormData) => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50">
        <Link
          href="/"
          className="flex h-14 items-center gap-2 px-4 font-semibold tracking-tight text-zinc-900"
        >
          {icons.logo}
          GlobaLLM
        </Link>
        <div className="flex-1 overflow-y-auto px-2 py-2">
          <NavLinks />
        </div>
        <footer className="border-t border-zinc-200 px-4 py-3">
          <HealthStatus />
        </footer>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-end border-b border-zinc-200 bg-white/90 px-6 backdrop-blur">
          <UserMenu user={user} signOut={signOut} />
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
