import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { githubSignInConfigured } from "@/app/_server/auth";
import { currentUser } from "@/app/_server/session";
import { SignInButton } from "@/components/auth/sign-in-button";
import { icons } from "@/components/ui/icons";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { loadMachineSettings } from "@/lib/settings/machine";
import { signInWithGitHub } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends people back here with ?error=<kind> when sign-in fails.
const errorMessages: Record<string, string> = {
  AccessDenied: "GitHub sign-in was cancelled or refused.",
  OAuthAccountNotLinked: "That email address already belongs to another GlobaLLM user.",
  Configuration: "Sign-in is misconfigured on the server; the server log says why.",
  Verification: "The sign-in link expired; try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(first(query.callbackUrl));
  // Public page, but a signed-in visitor has nothing to do here.
  if (await currentUser()) redirect(callbackUrl);
  const configured = githubSignInConfigured(loadMachineSettings());
  const error = first(query.error);

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          {icons.logo}
          GlobaLLM
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-base font-semibold text-zinc-900">Sign in</h1>
          <p className="mt-1 mb-5 text-zinc-600">
            Team members sign in with their GitHub account. The first person to sign in becomes an admin.
          </p>
          {error ? (
            <p
              role="alert"
              className="mb-4 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-red-200"
            >
              {errorMessages[error] ?? "Sign-in failed; try again."}
            </p>
          ) : null}
          {configured ? (
            <SignInButton signIn={signInWithGitHub} callbackUrl={callbackUrl} />
          ) : (
            <NotConfigured callbackBase={await origin()} />
          )}
        </div>
      </div>
    </main>
  );
}

function NotConfigured({ callbackBase }: { callbackBase: string }) {
  return (
    <div
      data-testid="sign-in-not-configured"
      className="space-y-3 rounded-md bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200"
    >
      <p className="font-medium">GitHub sign-in is not configured on this server.</p>
      <ol className="list-decimal space-y-1.5 pl-5 text-xs">
        <li>
          Create a GitHub OAuth app (GitHub → Settings → Developer settings → OAuth Apps) with the callback
          URL <code className="break-all font-mono">{callbackBase}/api/auth/callback/github</code>.
        </li>
        <li>
          Set <code className="font-mono">AUTH_GITHUB_ID</code> and{" "}
          <code className="font-mono">AUTH_GITHUB_SECRET</code> in the server's environment or its{" "}
          <code className="font-mono">.env</code> file.
        </li>
        <li>Restart GlobaLLM. For GitHub Enterprise, also set GITHUB_SERVER_URL and GITHUB_API_URL.</li>
      </ol>
    </div>
  );
}

async function origin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
