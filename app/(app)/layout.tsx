import type { ReactNode } from "react";
import { requirePage } from "@/app/_server/guard";
import { AppShell } from "@/components/shell/app-shell";
import { signOut } from "./actions";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  // Each page runs the guard too: a layout is not re-rendered on every navigation, so it cannot be
  // the only check. Here it supplies the user for the menu.
  const user = await requirePage();
  return (
    <AppShell user={user} signOut={signOut}>
      {children}
    </AppShell>
  );
}
