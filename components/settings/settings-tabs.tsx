import Link from "next/link";

const tabs = [
  { href: "/settings", label: "All settings" },
  { href: "/settings/weights", label: "Weights and thresholds" },
  { href: "/settings/budgets", label: "Budgets" },
] as const;

/** The Settings section's pages; the current one is marked for assistive technology too. */
export function SettingsTabs({ current }: { current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Settings sections" className="mt-4 flex gap-1 border-b border-zinc-200">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
            tab.href === current
              ? "border-zinc-900 text-zinc-900"
              : "border-transparent text-zinc-500 hover:text-zinc-900"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
