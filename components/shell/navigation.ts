import type { IconName } from "../ui/icons";

export interface NavigationItem {
  href: "/" | "/repositories" | "/issues" | "/assignments" | "/agents" | "/settings";
  label: string;
  icon: IconName;
}

export const navigation: readonly NavigationItem[] = [
  { href: "/", label: "Dashboard", icon: "dashboard" },
  { href: "/repositories", label: "Repositories", icon: "repositories" },
  { href: "/issues", label: "Issues", icon: "issues" },
  { href: "/assignments", label: "Assignments", icon: "assignments" },
  { href: "/agents", label: "Agents", icon: "agents" },
  { href: "/settings", label: "Settings", icon: "settings" },
];
