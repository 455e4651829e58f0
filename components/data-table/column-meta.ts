import type { RowData } from "@tanstack/react-table";

// How a column lays out, read by DataTable; declared on TanStack's own meta type so every
// column definition in the app is checked against it.
declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers align right so their digits line up. */
    align?: "left" | "right";
    /** Width and wrapping for the header and cells, as Tailwind classes. */
    className?: string;
  }
}
