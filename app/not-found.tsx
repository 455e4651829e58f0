import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">404</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">Nothing here</h1>
      <p className="mt-2 text-zinc-600">This page does not exist.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-zinc-900 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
