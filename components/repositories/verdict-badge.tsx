import { Badge } from "@/components/ui/badge";

/** Worth working on, not now, or not analyzed yet — the store's `worth_working_on`. */
export function VerdictBadge({ worth }: { worth: boolean | null }) {
  if (worth === true) return <Badge tone="green">Worth it</Badge>;
  if (worth === false) return <Badge tone="amber">Not now</Badge>;
  return <Badge>Unanalyzed</Badge>;
}
