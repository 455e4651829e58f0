"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { icons } from "../ui/icons";
import { navigation } from "./navigation";

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {navigation.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2.5 rounded-md px-2.5 py-1.5 font-medium transition-colors ${
              active ? "bg-zinc-200/70 text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
            }`}
          >
            {icons[item.icon]}
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
