import { InvalidArgumentError } from "commander";

/** A whole-number option parser for commander; a bad value is a usage error (exit 2). */
export function wholeNumber(min = 0): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`Expected a whole number${min > 0 ? ` of at least ${min}` : ""}.`);
    const number = Number(value);
    if (number < min) throw new InvalidArgumentError(`Expected a whole number of at least ${min}.`);
    return number;
  };
}

/** A fraction option parser (0..1). */
export function fraction(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 1)
    throw new InvalidArgumentError("Expected a number between 0 and 1.");
  return number;
}

/** An option parser that accepts only the given words. */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    const lowered = value.toLowerCase() as T;
    if (!choices.includes(lowered)) throw new InvalidArgumentError(`Expected one of: ${choices.join(", ")}.`);
    return lowered;
  };
}
