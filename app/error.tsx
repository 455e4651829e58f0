"use client";

import { LoadError } from "@/components/ui/load-error";

// Catches failures of the signed-in layout itself (for example the session lookup during an outage).
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24">
      <LoadError digest={error.digest} reset={reset} />
    </main>
  );
}
