"use client";

import { useActionState } from "react";

type SignInAction = (input: {
  callbackUrl?: string;
}) => Promise<{ error?: { message: string; hint?: string } }>;

export function SignInButton({ signIn, callbackUrl }: { signIn: SignInAction; callbackUrl: string }) {
  const [failure, submit, pending] = useActionState(async () => {
    // Success leaves for GitHub; we only come back here with an error.
    const result = await signIn({ callbackUrl });
    return result.error ?? null;
  }, null);
  return (
    <form action={submit} className="space-y-3">
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-zinc-900 px-3 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-60"
      >
        <GitHubMark />
        {pending ? "Redirecting to GitHub…" : "Sign in with GitHub"}
      </button>
      {failure ? (
        <p role="alert" className="text-xs text-red-700">
          {failure.message} {failure.hint}
        </p>
      ) : null}
    </form>
  );
}

function GitHubMark() {
  // A simplified octocat silhouette: a circle with ears is enough to say "GitHub" at 16px.
  return (
    <svg viewBox="0 0 16 16" className="size-4" fill="currentColor" aria-hidden="true">
      <path d="M8 1a7 7 0 0 0-2.2 13.64c.35.06.48-.15.48-.34v-1.2c-1.95.42-2.36-.94-2.36-.94-.32-.81-.78-1.03-.78-1.03-.64-.44.05-.43.05-.43.7.05 1.07.72 1.07.72.63 1.07 1.64.76 2.04.58.06-.45.24-.76.44-.94-1.55-.18-3.19-.78-3.19-3.46 0-.76.27-1.39.72-1.88-.07-.18-.31-.89.07-1.85 0 0 .59-.19 1.92.72a6.6 6.6 0 0 1 3.5 0c1.33-.91 1.92-.72 1.92-.72.38.96.14 1.67.07 1.85.45.49.72 1.12.72 1.88 0 2.69-1.64 3.28-3.2 3.45.25.22.47.64.47 1.3v1.92c0 .19.13.41.48.34A7 7 0 0 0 8 1z" />
    </svg>
  );
}
