import type { ReactNode } from "react";

/** The body of a page whose data arrives in a later issue: what will appear here, and where it comes from. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-6 rounded-lg border border-dashed border-zinc-300 bg-zinc-50/60 px-6 py-10">
      <h2 className="font-medium text-zinc-900">{title}</h2>
      <div className="mt-2 max-w-2xl space-y-2 text-zinc-600">{children}</div>
    </section>
  );
}
