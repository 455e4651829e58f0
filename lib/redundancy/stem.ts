/**
 * A light suffix stripper, not a full Porter stemmer: it conflates the variants that matter when
 * two project descriptions say the same thing in different words ("testing", "tests", "tester";
 * "validation", "validator", "validates"; "serialization", "serializer") and leaves short words and
 * proper names alone. Over-stemming is worse here than under-stemming, because a collision makes two
 * unrelated projects look alike, so every rule keeps a stem of at least three letters.
 */

// Longest first: the first suffix that leaves a long-enough stem wins.
const suffixes = [
  "ctions",
  "ction",
  "ssions",
  "ssion",
  "izations",
  "isations",
  "ization",
  "isation",
  "ational",
  "ations",
  "ators",
  "ation",
  "ingly",
  "ously",
  "izers",
  "izer",
  "ized",
  "izes",
  "izing",
  "ize",
  "ator",
  "ness",
  "ment",
  "ments",
  "ities",
  "ity",
  "ings",
  "ing",
  "ers",
  "er",
  "ies",
  "ied",
  "ed",
  "ly",
  "es",
  "s",
];

// Words the rules would damage (or conflate with something unrelated); kept as they are.
const keep = new Set([
  "news",
  "series",
  "species",
  "status",
  "this",
  "less",
  "class",
  "process",
  "access",
  "express",
  "address",
  "success",
  "progress",
  "analysis",
  "basis",
  "axis",
  "redis",
  "kubernetes",
  "pandas",
  "jinja",
  "numpy",
  "https",
  "sass",
  "less",
  "gis",
  "os",
  "ios",
  "macos",
  "aws",
  "js",
  "css",
  "dns",
  "rss",
  "tls",
  "ssl",
  "sms",
  "vs",
  "bus",
  "gps",
  "plus",
  "always",
  "docs",
  "business",
  "string",
  "thing",
  "king",
  "ring",
  "spring",
  "swing",
  "bring",
  "during",
  "nothing",
  "something",
  "everything",
  "ping",
  "wing",
  "sing",
  "user",
  "order",
  "under",
  "other",
  "over",
  "never",
  "ever",
  "after",
  "number",
  "paper",
  "power",
  "super",
  "layer",
  "per",
  "ed",
  "red",
  "bed",
  "need",
  "speed",
  "feed",
  "seed",
  "embed",
  "shed",
  "ted",
]);

const vowel = /[aeiouy]/;

function undouble(stem: string): string {
  // "mapping" → "mapp" → "map", "logger" → "logg" → "log"; but "ss"/"ll"/"zz" stay ("class", "fill").
  const last = stem.at(-1);
  if (stem.length > 3 && last === stem.at(-2) && last && !"lsz".includes(last)) return stem.slice(0, -1);
  return stem;
}

export function stem(word: string): string {
  // "nodejs", "nextjs": a JavaScript name, not a plural.
  if (word.length <= 3 || keep.has(word) || /\d/.test(word) || word.endsWith("js")) return word;
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue;
    let base = word.slice(0, -suffix.length);
    // "validation", "validator", "validates" and "validate" meet at "validat".
    if (suffix.startsWith("ation") || suffix.startsWith("ator")) base = `${base}at`;
    // "extraction" → "extract", "compression" → "compress".
    if (suffix.startsWith("ction")) base = `${base}ct`;
    if (suffix.startsWith("ssion")) base = `${base}ss`;
    if (base.length < 3 || !vowel.test(base)) continue;
    if (suffix === "s" && /(ss|us|is)$/.test(word)) return word;
    if (suffix === "ies" || suffix === "ied") base = `${base}y`;
    if (suffix === "es" && !/(ss|sh|ch|x|zz|[^aeiou]o)$/.test(base)) base = word.slice(0, -1);
    return trimFinal(undouble(trimFinal(base)));
  }
  return trimFinal(word);
}

/** "parse"/"parser"/"parsing" all become "pars"; a final silent e carries no meaning. */
function trimFinal(stem: string): string {
  return stem.length > 3 && stem.endsWith("e") && !stem.endsWith("ee") ? stem.slice(0, -1) : stem;
}
