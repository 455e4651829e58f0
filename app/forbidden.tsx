import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">403</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">Admins only</h1>
      <p className="mt-2 text-zinc-600">
        Your account is a member. Ask an admin, or have your GitHub login added to GLOBALLM_ADMINS.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-zinc-900 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
