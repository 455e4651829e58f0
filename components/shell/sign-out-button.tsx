"use client";

import { useActionState } from "react";

type SignOut = (input: FormData) => Promise<{ error?: { message: string } } | undefined | unknown>;

export function SignOutButton({ signOut }: { signOut: SignOut }) {
  const [failure, submit, pending] = useActionState(async (_previous: string | null, form: FormData) => {
    // Success redirects to /sign-in; we only get here with an error.
    const result = (await signOut(form)) as { error?: { message: string } } | undefined;
    return result?.error?.message ?? null;
  }, null);
  return (
    <form action={submit} className="flex items-center gap-2">
      {failure ? <span className="text-xs text-red-600">{failure}</span> : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900 disabled:opacity-50"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
