"use client";

import { LoadError } from "@/components/ui/load-error";

export default function SignedInError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <LoadError digest={error.digest} reset={reset} />;
}
