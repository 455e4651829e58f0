/** Names for generated users and organizations; mixed origins, like GitHub's users. */
// biome-ignore format: word lists read best packed
export const firstNames = [
  "Ada", "Alan", "Amara", "Ana", "Arjun", "Ben", "Carlos", "Chen", "Chloe", "Dmitri", "Elena", "Emeka", "Fatima",
  "Felix", "Grace", "Hana", "Hiro", "Ines", "Ivan", "Jamal", "Jin", "Joao", "Julia", "Kai", "Karim", "Lars", "Lea",
  "Leila", "Liam", "Lucia", "Mai", "Marco", "Maria", "Mateo", "Mei", "Mohammed", "Nadia", "Nikolai", "Noah", "Nora",
  "Olu", "Omar", "Priya", "Rafael", "Ravi", "Rosa", "Sakura", "Samir", "Sara", "Sofia", "Tariq", "Tom", "Uma",
  "Victor", "Wei", "Yara", "Yusuf", "Zara", "Zoe", "Anders",
];

// biome-ignore format: word lists read best packed
export const lastNames = [
  "Adeyemi", "Andersen", "Bauer", "Chen", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia", "Gupta", "Haddad",
  "Ivanova", "Jensen", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Moreau", "Nakamura", "Novak",
  "Okafor", "Olsen", "Park", "Patel", "Petrov", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Suzuki", "Tanaka",
  "Torres", "Van Dijk", "Wang", "Weber", "Yamamoto", "Zhang", "Nguyen", "Haas", "Oyelaran",
];

// biome-ignore format: word lists read best packed
export const orgStems = [
  "open", "cloud", "data", "byte", "core", "stack", "forge", "spark", "quantum", "nimbus", "atlas", "vector",
  "lambda", "prism", "pulse", "orbit", "nova", "delta", "hyper", "meta", "signal", "apex", "kernel", "flux",
];

// biome-ignore format: word lists read best packed
export const orgSuffixes = [
  "labs", "hq", "io", "dev", "foundation", "works", "systems", "project", "collective", "org", "ai", "tech",
];

// biome-ignore format: word lists read best packed
export const cities = [
  "Berlin", "San Francisco", "Tokyo", "London", "Bangalore", "São Paulo", "Lagos", "Toronto", "Paris", "Seoul",
  "Amsterdam", "Shanghai", "Stockholm", "Nairobi", "Mexico City", "Sydney", "Warsaw", "Tel Aviv", null, null,
];

// biome-ignore format: word lists read best packed
export const companies = [
  "@google", "@microsoft", "@meta", "Independent", "@redhat", "@mozilla", "@shopify", "@vercel", null, null, null,
];
