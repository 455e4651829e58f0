/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks;
 * CRLF and LF both end a record. Enough for the shared data files, with no dependency.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte-order mark is not part of the first header

  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") endField();
    else if (char === "\n") endRecord();
    else if (char === "\r" && text[i + 1] === "\n") {
      endRecord();
      i += 1;
    } else field += char;
    i += 1;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  // A final line break does not start another (empty) record.
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/** Rows as objects keyed by the header, so columns are read by name, never by position. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, column) => [name, row[column]!]));
  });
}
