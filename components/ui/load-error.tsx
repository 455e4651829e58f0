"use client";

/** What an error boundary shows. Production hides server error messages, so we explain in general terms. */
export function LoadError({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-8">
      <h1 className="font-semibold text-red-900">This page could not load</h1>
      <p className="mt-1 text-red-800">
        GlobaLLM could not get what this page needs — most often because the database is unavailable (see{" "}
        <a className="underline" href="/api/health">
          /api/health
        </a>
        ). The server log has the details{digest ? ` (reference ${digest})` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-900 px-3 py-1.5 text-xs font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </div>
  );
}
