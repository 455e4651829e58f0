/**
 * English function words, plus the few words every project page says ("github", "readme"). Generic
 * praise such as "simple" or "fast" is not listed here: the background document frequencies already
 * weigh it down, and in some lists it does tell projects apart ("fast" JSON parsers).
 */
export const stopwords = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being
below between both but by can cannot could did do does doing don down during each either else etc even
ever every few for from further get gets got had has have having he her here hers herself him himself his
how however i if in into is isn it its itself just let lets like may me might more most much must my
myself neither no nor not now of off often on once one only or other others otherwise our ours ourselves
out over own per please rather same shall she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very via
was we well were what whatever when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves
e g eg ie i.e e.g vs
github readme www com org html htm md`
    .split(/\s+/)
    .filter(Boolean),
);
