import type postgres from "postgres";

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * Replaces every row of `table` with the rows `rows` selects, inside the caller's transaction:
 * a new table shaped like it (LIKE) is filled, given the table's indexes and primary and unique
 * keys, and swapped in under its name. Filling an empty table and then building its
 * indexes is a sequential write and one sort per index, far cheaper than updating most rows of a
 * table in place; readers keep seeing the old rows until the caller commits.
 *
 * The indexes and keys are read from the catalog, so the migrations stay their only definition.
 * Foreign keys are refused: adding one locks the referenced table against writes until commit,
 * which would stall (and could deadlock with) every writer of that table while the swap waits for
 * readers of the old one. Triggers and grants are not copied (the tables rebuilt here have none).
 */
export async function rebuildTable(
  tx: postgres.TransactionSql,
  table: string,
  rows: Fragment,
): Promise<number> {
  const next = `${table}_next`;
  await tx`drop table if exists ${tx(next)}`;
  await tx`create table ${tx(next)} (like ${tx(table)} including defaults including constraints)`;
  const filled = await tx`insert into ${tx(next)} ${rows}`;

  const keys = await tx<{ name: string; type: string; definition: string }[]>`
    select conname as name, contype as type, pg_get_constraintdef(oid) as definition
    from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')`;
  if (keys.some((key) => key.type === "f"))
    throw new Error(`${table} has a foreign key: it cannot be rebuilt`);
  const indexes = await tx<{ name: string; definition: string }[]>`
    select c.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class c on c.oid = x.indexrelid
    where x.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)`;
  // Index names are unique in a schema: the new ones carry a suffix until the old table is gone.
  for (const key of keys) {
    await tx`alter table ${tx(next)} add constraint ${tx(`${key.name}_next`)} ${tx.unsafe(key.definition)}`;
  }
  for (const index of indexes) {
    await tx.unsafe(onTable(index.definition, index.name, `${index.name}_next`, next));
  }
  await tx`drop table ${tx(table)}`;
  await tx`alter table ${tx(next)} rename to ${tx(table)}`;
  for (const key of keys) {
    await tx`alter table ${tx(table)} rename constraint ${tx(`${key.name}_next`)} to ${tx(key.name)}`;
  }
  for (const index of indexes) await tx`alter index ${tx(`${index.name}_next`)} rename to ${tx(index.name)}`;
  // A new table has no statistics: without them the first claims could plan as if it were empty.
  await tx`analyze ${tx(table)}`;
  return filled.count;
}

/** `CREATE [UNIQUE] INDEX name ON [ONLY] table USING …` for another name and table. */
function onTable(definition: string, name: string, newName: string, newTable: string): string {
  const match = /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)(\S+)( .*)$/s.exec(definition);
  if (!match || unquote(match[2]!) !== name) throw new Error(`cannot copy index: ${definition}`);
  return `${match[1]}${quote(newName)}${match[3]}${quote(newTable)}${match[5]}`;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const unquote = (identifier: string) =>
  identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier;
